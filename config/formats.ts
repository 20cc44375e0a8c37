import { z } from "../model/zod";

/** String formats of the stack configuration, each with the message a user sees when a value does not fit. */

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

/** A Kubernetes namespace name (a DNS label of up to 63 characters). */
export const namespaceName = z.string().regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, {
  message: "must be a DNS label: lower-case letters, digits and '-', at most 63 characters",
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

/** An http(s) URL of the GitLab instance itself (a relative URL root is fine; the API path is not). */
export const gitlabUrl = z
  .url({ protocol: /^https?$/, message: "must be an http(s) URL such as https://gitlab.example.com" })
  .refine((url) => !/\/api\/v4\/?$/.test(url), {
    message: "is the API URL",
    params: { fix: "give the instance URL without /api/v4 (the platform adds it)" },
  });

/** S3 endpoint as the runner wants it: host[:port], no scheme (insecure: true selects http). */
export const s3ServerAddress = z.string().regex(HOST_PORT, {
  message: "must be host[:port] without a scheme such as https:// (set insecure: true for plain http)",
});

export const s3BucketName = z.string().regex(S3_BUCKET, {
  message: "must be an S3 bucket name: 3-63 lower-case letters, digits, '.' and '-'",
});

/** A container image repository without a tag or digest (the platform adds the pinned tag). */
export const imageRepository = z
  .string()
  .min(1)
  .refine((repo) => !/[@]/.test(repo) && !/:[^/]*$/.test(repo), {
    message: "must be a repository without a tag or digest (set the version in runnerImage.version)",
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

/** Why `name` is not a branch name git accepts (`git check-ref-format --branch`), or undefined when it is. */
export function branchNameProblem(name: string): string | undefined {
  if (name === "" || name === "HEAD") return "is empty or HEAD";
  if (name.startsWith("-")) return "starts with '-'";
  // eslint-disable-next-line no-control-regex -- control characters are exactly what git refuses
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(name)) {
    return "contains a space, a control character or one of ~ ^ : ? * [ \\";
  }
  if (name.includes("..")) return "contains '..'";
  if (name.includes("@{")) return "contains '@{'";
  if (name.startsWith("/") || name.endsWith("/") || name.includes("//")) {
    return "starts or ends with '/' or contains '//'";
  }
  if (name.endsWith(".")) return "ends with '.'";
  if (name.split("/").some((part) => part.startsWith(".") || part.endsWith(".lock"))) {
    return "has a part that starts with '.' or ends with '.lock'";
  }
  return undefined;
}

/** A git branch name, checked by git's own rules; the message names the rule it breaks. */
export const branchName = z.string().superRefine((name, ctx) => {
  const problem = branchNameProblem(name);
  if (problem) {
    ctx.addIssue({
      code: "custom",
      message: `${JSON.stringify(name)} is not a branch name git accepts: it ${problem}`,
      params: { fix: "use a name `git check-ref-format --branch` accepts, e.g. main or release/1.x" },
    });
  }
});
