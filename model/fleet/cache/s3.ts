import { z } from "../../zod";
import { CACHE_CREDENTIALS } from "../../config-toml";
import { DEFAULTS } from "../../defaults";
import { s3BucketName, s3ServerAddress } from "../../formats";
import type { CacheBackend } from "./backend";
import { s3KeyCredential } from "./s3-keys";
import { s3Summary } from "./summaries";

/** Any S3-compatible bucket; keys reach the manager through its environment, never config.toml. */
export const s3CacheSpec = z.strictObject({
  type: z.literal("s3"),
  /** host[:port], no scheme. */
  serverAddress: s3ServerAddress,
  bucketName: s3BucketName,
  bucketLocation: z.string().min(1).optional(),
  /** Plain http. */
  insecure: z.boolean().default(DEFAULTS.fleet.cache.s3.insecure),
  pathStyle: z.boolean().optional(),
  path: z.string().optional(),
  /** One cache for every runner of the fleet instead of one per runner. */
  shared: z.boolean().default(DEFAULTS.fleet.cache.s3.shared),
});

const KEYS = { accessKey: "cacheS3AccessKey", secretKey: "cacheS3SecretKey" } as const;
const CARRIED = ["serverAddress", "bucketName", "bucketLocation", "insecure", "pathStyle"] as const;

export const s3Cache = {
  // s3v2 (AWS SDK v2) with "iam" authentication reads the keys from the manager's environment.
  section: ({ serverAddress, bucketName, bucketLocation, insecure, pathStyle, path, shared }) => ({
    type: "s3v2",
    path,
    shared,
    s3: { serverAddress, bucketName, bucketLocation, insecure, pathStyle, authenticationType: "iam" },
  }),
  credential: s3KeyCredential(KEYS),
  stackSecrets: { keys: [KEYS.accessKey, KEYS.secretKey] as const, because: "because a fleet caches in S3" },
  importer: {
    types: [undefined, "s3", "s3v2"],
    table: "s3",
    fields: CARRIED,
    identifiedBy: ["bucketName", "serverAddress"],
    credentials: {
      fields: CACHE_CREDENTIALS.s3,
      reason: `credentials are not imported: set them with \`pulumi config set --secret ${KEYS.accessKey}\` / \`${KEYS.secretKey}\``,
    },
    otherFields: `the fleet's S3 cache has ${CARRIED.slice(0, -1).join(", ")} and ${CARRIED.at(-1)} only`,
  },
  summary: s3Summary,
} satisfies CacheBackend<z.output<typeof s3CacheSpec>>;
