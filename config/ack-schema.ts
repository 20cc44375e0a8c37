import { z } from "../model/zod";
import { quantity } from "../model/config-toml";
import { DEFAULTS } from "../model/defaults";
import { IPV4_CIDR, isPinnedImage } from "../model/ack";
import { labels, s3BucketName } from "../model/formats";

const ACK = DEFAULTS.cluster.ackServerless;

const cidr = z.string().regex(IPV4_CIDR, { message: "must be an IPv4 CIDR block such as 10.20.0.0/16" });
const regionId = z
  .string()
  .regex(/^[a-z]{2}-[a-z0-9-]+$/, { message: "must be a region id such as cn-hangzhou" });
const pinnedImage = z.string().refine(isPinnedImage, {
  message: "must name a fixed version (a tag other than latest, or a digest)",
});

/** Create a VPC with one vSwitch per zone and a NAT gateway, or use an existing VPC and vSwitches by id. */
const networkSchema = z.strictObject({
  /** The VPC's CIDR: sliced into the vSwitches when created; the NAS access rule admits it. */
  vpcCidr: cidr,
  /** Zones to create a vSwitch in (at least one; two or more for zone failures). */
  zones: z
    .array(z.string().regex(/^[a-z]{2}-[a-z0-9-]+$/))
    .min(1)
    .optional(),
  /** An existing VPC; then vswitchIds too, and egress is the VPC's own. */
  vpcId: z.string().min(1).optional(),
  vswitchIds: z.array(z.string().min(1)).min(1).optional(),
  /** Mbit/s of the NAT gateway's EIP: pay-as-you-go and billed by traffic, which allows 1–200 (AllocateEipAddress). */
  natBandwidth: z
    .number()
    .int()
    .min(1)
    .max(200, { message: "must be 1–200 Mbit/s: a pay-as-you-go EIP billed by traffic allows no more" })
    .default(ACK.network.natBandwidth),
});

/** The RAM role every run of the stack assumes (model/ack/identity.ts says why one). */
const assumeRoleSchema = z.strictObject(
  {
    roleArn: z.string().regex(/^acs:ram::\d+:role\/[\w.-]{1,64}$/, {
      message: "must be a RAM role ARN such as acs:ram::123456789012:role/gitlab-ci-platform-deployer",
    }),
  },
  { message: "must name the RAM role every run assumes: {roleArn: acs:ram::<account>:role/<name>}" },
);

export const ackServerlessSchema = z.strictObject({
  /** Region of the cluster and every cloud resource, e.g. cn-hangzhou. */
  region: regionId,
  /** The role the alicloud provider assumes: the cluster's creator, and so the only identity with RBAC in it. */
  assumeRole: assumeRoleSchema,
  /** Kubernetes version of the cluster, e.g. 1.36.1-aliyun.1; the newest at creation when absent. */
  version: z
    .string()
    .regex(/^\d+\.\d+\.\d+-aliyun\.\d+$/, { message: "must be an ACK version such as 1.36.1-aliyun.1" })
    .optional(),
  clusterSpec: z.enum(["ack.standard", "ack.pro.small"]).default(ACK.clusterSpec),
  serviceCidr: cidr.default(ACK.serviceCidr),
  /** Expose the API server on an EIP (the default keeps it inside the VPC). */
  endpointPublicAccess: z.boolean().default(ACK.endpointPublicAccess),
  deletionProtection: z.boolean().default(ACK.deletionProtection),
  tags: labels.default(() => ({ ...ACK.tags })),
  network: networkSchema,
  /** The NAS file system fleets with cache type nas share (each in its own directory). */
  nas: z
    .strictObject({
      storageType: z.enum(["Capacity", "Performance", "Premium"]).default(ACK.nas.storageType),
      /** Nominal size of each PV/PVC pair (NAS itself grows with use). */
      size: quantity.default(ACK.nas.size),
      /** Directory of the file system the PVs mount; it must exist ("/" always does). */
      path: z.string().startsWith("/").default(ACK.nas.path),
    })
    .prefault({}),
  /** The OSS bucket fleets with cache type oss share; created when a fleet uses it. */
  oss: z
    .strictObject({
      bucketName: s3BucketName,
      expireDays: z.number().int().min(1).max(3650).default(ACK.oss.expireDays),
    })
    .optional(),
  imageCache: z
    .strictObject({
      enabled: z.boolean().default(ACK.imageCache.enabled),
      /** GiB. */
      size: z.number().int().min(20).max(500).default(ACK.imageCache.size),
      /** Images to cache besides those the stack names (runner, helper, fleets' images). */
      images: z.array(pinnedImage).default(() => [...ACK.imageCache.images]),
    })
    .prefault({}),
});

export type AckServerlessConfig = z.infer<typeof ackServerlessSchema>;
