/** OSS's S3-compatible endpoint inside the region's network (no traffic charge from the VPC). */
export function ossInternalEndpoint(region: string): string {
  return `oss-${region}-internal.aliyuncs.com`;
}

/** A RAM policy that lets its holder read, write, list and delete objects of one bucket, and nothing else. */
export function ossBucketPolicyDocument(bucket: string): string {
  return JSON.stringify({
    Version: "1",
    Statement: [
      {
        Effect: "Allow",
        Action: ["oss:GetObject", "oss:PutObject", "oss:DeleteObject", "oss:AbortMultipartUpload"],
        Resource: [`acs:oss:*:*:${bucket}/*`],
      },
      {
        Effect: "Allow",
        Action: ["oss:ListObjects", "oss:GetBucketInfo", "oss:GetBucketLocation"],
        Resource: [`acs:oss:*:*:${bucket}`],
      },
    ],
  });
}
