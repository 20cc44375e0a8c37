import { z } from "./zod";

/**
 * String formats of the fleet contract and the stack file, each with the message a user sees when a value does not
 * fit.
 */

const DNS_LABEL = /^[a-z]([-a-z0-9]{0,38}[a-z0-9])?$/;
const LABEL_KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/;
const GITLAB_PATH = /^[A-Za-z0-9_.][A-Za-z0-9_.-]*(\/[A-Za-z0-9_.][A-Za-z0-9_.-]*)*$/;
const HOST_PORT = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?(:\d{1,5})?$/i;
const S3_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export const dnsLabel = z.string().regex(DNS_LABEL, {
  message:
    "must be a DNS label: lower-case letters, digits and '-', starting with a letter, at most 40 characters",
});

/** Kubernetes label keys and values (node selectors, ServiceMonitor labels). */
export const labels = z.record(
  z.string().regex(LABEL_KEY, { message: "must be a Kubernetes label key such as app.example.com/role" }),
  z.string().regex(LABEL_VALUE, {
    message: "must be a Kubernetes label value: at most 63 letters, digits, '-', '_', '.'",
  }),
);

/** A GitLab group or project: its numeric id (a YAML number) or its full path. */
export const groupOrProject = z.union([
  z.number().int().positive({ message: "must be a positive id" }),
  z
    .string()
    .refine((v) => !/^\d+$/.test(v), {
      message: "is an id in quotes",
      params: { fix: "write the id as a number, without quotes" },
    })
    .refine((v) => GITLAB_PATH.test(v), {
      message: "must be a full path such as platform/ci (no URL, no leading or trailing '/')",
    }),
]);

/** S3 endpoint as the runner wants it: host[:port], no scheme (insecure: true selects http). */
export const s3ServerAddress = z.string().regex(HOST_PORT, {
  message: "must be host[:port] without a scheme such as https:// (set insecure: true for plain http)",
});

export const s3BucketName = z.string().regex(S3_BUCKET, {
  message: "must be an S3 bucket name: 3-63 lower-case letters, digits, '.' and '-'",
});

/** Runner tags: no commas (GitLab splits on them) and no duplicates. */
export const runnerTags = z
  .array(
    z
      .string()
      .min(1)
      .max(255)
      .refine((tag) => !tag.includes(","), {
        message: "must be one tag: write several as a list, not with commas",
      }),
  )
  .refine((tags) => new Set(tags).size === tags.length, {
    message: "lists a tag twice",
    params: { fix: "list each tag once" },
  });
