import { z } from "../../zod";
import { DEFAULTS } from "../../defaults";
import type { CacheBackend } from "./backend";
import { s3KeyCredential } from "./s3-keys";
import { s3Summary } from "./summaries";

/** The stack's OSS bucket at its S3-compatible endpoint, with the key of the platform's RAM user for it. */
export const ossCacheSpec = z.strictObject({
  type: z.literal("oss"),
  path: z.string().optional(),
  shared: z.boolean().default(DEFAULTS.fleet.cache.s3.shared),
});

/** The names under which the stack hands its fleets the OssCache component's RAM user key. */
export const OSS_CACHE_KEY = { accessKey: "ossCacheAccessKey", secretKey: "ossCacheSecretKey" } as const;

export const ossCache = {
  // OSS serves buckets as virtual hosts only; its S3-compatible API takes the same s3v2 client and keys.
  section: ({ path, shared }, { ossCache: oss }) =>
    oss && {
      type: "s3v2",
      path,
      shared,
      s3: {
        serverAddress: oss.serverAddress,
        bucketName: oss.bucketName,
        bucketLocation: oss.bucketLocation,
        insecure: false,
        pathStyle: false,
        authenticationType: "iam",
      },
    },
  // The OssCache component's RAM user key: the stack creates it, no stack secret holds it.
  credential: s3KeyCredential(OSS_CACHE_KEY),
  stackStore: "oss",
  summary: s3Summary,
} satisfies CacheBackend<z.output<typeof ossCacheSpec>>;
