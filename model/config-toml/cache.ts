import { z } from "../zod";
import { cacheType, type KeyTable, nonNegativeInt } from "./primitives";
import { section } from "./section";

const S3_AUTHENTICATION_TYPE = /^(access-key|iam)?$/i;
const S3_ENCRYPTION = /^(|s3|aes256|kms|aws:kms|dsse-kms|aws:kms:dsse)$/i;

export const s3CacheSchema = z.strictObject({
  serverAddress: z.string().optional(),
  accessKey: z.string().optional(),
  secretKey: z.string().optional(),
  sessionToken: z.string().optional(),
  bucketName: z.string().optional(),
  bucketLocation: z.string().optional(),
  insecure: z.boolean().optional(),
  authenticationType: z
    .string()
    .regex(S3_AUTHENTICATION_TYPE, { error: 'must be "access-key" or "iam"' })
    .optional(),
  serverSideEncryption: z
    .string()
    .regex(S3_ENCRYPTION, { error: 'must be "S3", "AES256", "KMS", "aws:kms", "DSSE-KMS" or "aws:kms:dsse"' })
    .optional(),
  serverSideEncryptionKeyId: z.string().optional(),
  dualStack: z.boolean().optional(),
  pathStyle: z.boolean().optional(),
  accelerate: z.boolean().optional(),
  roleArn: z.string().optional(),
  uploadRoleArn: z.string().optional(),
  assumeRoleMaxConcurrency: nonNegativeInt.optional(),
  disableAssumeRoleCredentialsCaching: z.boolean().optional(),
});
export type S3Cache = z.infer<typeof s3CacheSchema>;
const S3_KEYS: KeyTable<S3Cache> = {
  serverAddress: "ServerAddress",
  accessKey: "AccessKey",
  secretKey: "SecretKey",
  sessionToken: "SessionToken",
  bucketName: "BucketName",
  bucketLocation: "BucketLocation",
  insecure: "Insecure",
  authenticationType: "AuthenticationType",
  serverSideEncryption: "ServerSideEncryption",
  serverSideEncryptionKeyId: "ServerSideEncryptionKeyID",
  dualStack: "DualStack",
  pathStyle: "PathStyle",
  accelerate: "Accelerate",
  roleArn: "RoleARN",
  uploadRoleArn: "UploadRoleARN",
  assumeRoleMaxConcurrency: "AssumeRoleMaxConcurrency",
  disableAssumeRoleCredentialsCaching: "DisableAssumeRoleCredentialsCaching",
};

export const gcsCacheSchema = z.strictObject({
  accessId: z.string().optional(),
  privateKey: z.string().optional(),
  credentialsFile: z.string().optional(),
  bucketName: z.string().optional(),
  universeDomain: z.string().optional(),
});
export type GcsCache = z.infer<typeof gcsCacheSchema>;
const GCS_KEYS: KeyTable<GcsCache> = {
  accessId: "AccessID",
  privateKey: "PrivateKey",
  credentialsFile: "CredentialsFile",
  bucketName: "BucketName",
  universeDomain: "UniverseDomain",
};

export const azureCacheSchema = z.strictObject({
  accountName: z.string().optional(),
  accountKey: z.string().optional(),
  containerName: z.string().optional(),
  storageDomain: z.string().optional(),
});
export type AzureCache = z.infer<typeof azureCacheSchema>;
const AZURE_KEYS: KeyTable<AzureCache> = {
  accountName: "AccountName",
  accountKey: "AccountKey",
  containerName: "ContainerName",
  storageDomain: "StorageDomain",
};

/** [runners.cache]: unlike the rest of config.toml its keys are PascalCase, its sub-tables lower case. */
export const cacheSettingsSchema = z.strictObject({
  type: cacheType.optional(),
  path: z.string().optional(),
  shared: z.boolean().optional(),
  maxUploadedArchiveSize: nonNegativeInt.optional(),
  s3: s3CacheSchema.optional(),
  gcs: gcsCacheSchema.optional(),
  azure: azureCacheSchema.optional(),
});
export type CacheSettings = z.infer<typeof cacheSettingsSchema>;
const CACHE_KEYS: KeyTable<CacheSettings> = {
  type: "Type",
  path: "Path",
  shared: "Shared",
  maxUploadedArchiveSize: "MaxUploadedArchiveSize",
  s3: "s3",
  gcs: "gcs",
  azure: "azure",
};

export const CACHE_SECTION = section<CacheSettings>(CACHE_KEYS, {
  s3: section<S3Cache>(S3_KEYS),
  gcs: section<GcsCache>(GCS_KEYS),
  azure: section<AzureCache>(AZURE_KEYS),
});

/** Credentials that must reach config.toml only as ${VAR} references, never as literal values. */
export const CACHE_CREDENTIALS = {
  s3: ["accessKey", "secretKey", "sessionToken"],
  gcs: ["privateKey"],
  azure: ["accountKey"],
} as const satisfies { [K in "s3" | "gcs" | "azure"]: readonly (keyof NonNullable<CacheSettings[K]>)[] };
