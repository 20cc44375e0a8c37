import type { CacheCredential } from "./backend";

/**
 * An S3 access key for the manager's S3 client: a Secret whose two keys the manager reads as the AWS SDK's standard
 * variables (config.toml's `AuthenticationType = "iam"` loads them through the SDK's default chain), so no key is
 * in config.toml. The manager reads its environment only at start: a rotation rolls it.
 */
export function s3KeyCredential(from: { accessKey: string; secretKey: string }): CacheCredential {
  return {
    suffix: "cache-s3",
    entries: [
      { key: "accesskey", from: from.accessKey, env: "AWS_ACCESS_KEY_ID" },
      { key: "secretkey", from: from.secretKey, env: "AWS_SECRET_ACCESS_KEY" },
    ],
    rollsManagers: true,
  };
}
