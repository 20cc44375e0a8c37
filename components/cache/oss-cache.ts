import * as oss from "@pulumi/alicloud/oss";
import * as ram from "@pulumi/alicloud/ram";
import * as pulumi from "@pulumi/pulumi";
import { ossBucketPolicyDocument } from "../../model/ack";

export interface OssCacheArgs {
  /** Globally unique bucket name. */
  bucketName: string;
  /** Cache objects older than this are deleted by OSS. */
  expireDays: number;
  /** Name of the RAM user and its policy. */
  namePrefix: string;
  tags: Record<string, string>;
}

/**
 * A private, encrypted OSS bucket whose old cache objects expire, and a RAM user allowed that bucket only,
 * with an access key for the runners' S3 client. The bucket is protected: removing it is a deliberate step.
 */
export class OssCache extends pulumi.ComponentResource {
  public readonly bucketName: pulumi.Output<string>;
  /** The RAM user's key (the secret half is a secret Output). */
  public readonly credentials: { accessKey: pulumi.Output<string>; secretKey: pulumi.Output<string> };

  constructor(name: string, args: OssCacheArgs, opts?: pulumi.ComponentResourceOptions) {
    super("gitlab-ci-platform:cache:OssCache", name, {}, opts);
    const child = { parent: this };
    const bucket = new oss.Bucket(
      `${name}-bucket`,
      {
        bucket: args.bucketName,
        storageClass: "Standard",
        serverSideEncryptionRule: { sseAlgorithm: "AES256" },
        lifecycleRules: [
          { id: "expire-cache", enabled: true, prefix: "", expirations: [{ days: args.expireDays }] },
        ],
        forceDestroy: false,
        tags: args.tags,
      },
      { ...child, protect: true },
    );
    new oss.BucketAcl(`${name}-acl`, { bucket: bucket.bucket, acl: "private" }, child);
    const user = new ram.User(
      `${name}-user`,
      {
        name: `${args.namePrefix}-cache`,
        displayName: `${args.namePrefix} CI cache`,
        comments: "runner cache",
      },
      child,
    );
    const policy = new ram.Policy(
      `${name}-policy`,
      {
        policyName: `${args.namePrefix}-cache`,
        policyDocument: ossBucketPolicyDocument(args.bucketName),
        description: `read and write ${args.bucketName} only`,
      },
      child,
    );
    new ram.UserPolicyAttachment(
      `${name}-attach`,
      { userName: user.name, policyName: policy.policyName, policyType: "Custom" },
      child,
    );
    const key = new ram.AccessKey(`${name}-key`, { userName: user.name }, child);
    this.bucketName = bucket.bucket;
    this.credentials = { accessKey: pulumi.secret(key.id), secretKey: pulumi.secret(key.secret) };
    this.registerOutputs({ bucketName: this.bucketName });
  }
}
