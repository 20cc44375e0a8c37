import { Provider as AlicloudProvider } from "@pulumi/alicloud/provider";
import * as pulumi from "@pulumi/pulumi";
import { EciImageCache, NasCache, OssCache } from "./components/cache";
import { AckServerlessCluster } from "./components/cluster";
import { ConfigValidationError, PROJECT, type StackConfig } from "./config";
import { type AlibabaCloudIdentity, alibabaCloudIdentity, providerCredentials } from "./model/ack";
import type { AckServerlessPlan } from "./model/fleet";
import type { KubeClientRate } from "./model/kubernetes-provider";

/*
 * The ACK Serverless side of the stack: the Alibaba Cloud provider and the cluster, then (once the platform
 * namespaces exist) the caches. index.ts loads this module only for such a cluster, so a stack on an existing
 * cluster never loads the Alibaba Cloud SDK or these components.
 */

type AckConfig = NonNullable<StackConfig["cluster"]["ackServerless"]>;

export interface AckServerless {
  cluster: AckServerlessCluster;
  cloudOpts: { providers: pulumi.ProviderResource[] };
}

/**
 * The run's identity: the stack's role, reached through OIDC when the environment carries a token (the
 * repository pipeline), else from the provider's own credential. Refused, before any resource, when the
 * environment contradicts the stack file.
 */
function identityOfThisRun(ack: AckConfig): AlibabaCloudIdentity {
  const result = alibabaCloudIdentity(
    ack.assumeRole,
    pulumi.getStack(),
    process.env,
    `${PROJECT}:cluster.ackServerless.assumeRole.roleArn`,
  );
  if ("problems" in result) throw new ConfigValidationError(result.problems);
  return result.identity;
}

export function ackServerlessCluster(
  ack: AckConfig,
  plan: AckServerlessPlan,
  cluster: { name: string; kubeClient: KubeClientRate },
): AckServerless {
  const credentials = providerCredentials(identityOfThisRun(ack));
  const cloudOpts = { providers: [new AlicloudProvider("alicloud", { region: ack.region, ...credentials })] };
  const created = new AckServerlessCluster(
    "cluster",
    {
      clusterName: cluster.name,
      version: ack.version,
      clusterSpec: ack.clusterSpec,
      serviceCidr: ack.serviceCidr,
      endpointPublicAccess: ack.endpointPublicAccess,
      deletionProtection: ack.deletionProtection,
      tags: ack.tags,
      network: plan.network,
      kubeClient: cluster.kubeClient,
    },
    cloudOpts,
  );
  return { cluster: created, cloudOpts };
}

export interface AckCaches {
  nasCache?: NasCache;
  ossCache?: OssCache;
  imageCache?: EciImageCache;
}

export function ackServerlessCaches(
  ack: AckConfig,
  plan: AckServerlessPlan,
  { cluster, cloudOpts }: AckServerless,
  stack: {
    clusterName: string;
    registry?: { server: string; username: string; password: pulumi.Input<string> };
    namespaces: pulumi.Resource;
  },
): AckCaches {
  const nasCache =
    plan.nasClaims.length > 0
      ? new NasCache(
          "nas-cache",
          {
            namePrefix: stack.clusterName,
            storageType: ack.nas.storageType,
            vpcId: cluster.vpcId,
            vswitchId: cluster.vswitchIds[0],
            zoneId: cluster.zoneIds[0],
            sourceCidr: ack.network.vpcCidr,
            path: ack.nas.path,
            claims: plan.nasClaims,
            tags: ack.tags,
          },
          { providers: [...cloudOpts.providers, cluster.provider], dependsOn: [stack.namespaces] },
        )
      : undefined;
  const ossCache =
    plan.oss &&
    new OssCache(
      "oss-cache",
      {
        bucketName: plan.oss.bucketName,
        expireDays: plan.oss.expireDays,
        namePrefix: stack.clusterName,
        tags: ack.tags,
      },
      cloudOpts,
    );
  const imageCache =
    plan.imageCache &&
    new EciImageCache(
      "image-cache",
      {
        imageCacheName: plan.imageCache.name,
        images: plan.imageCache.images,
        size: plan.imageCache.size,
        vswitchId: cluster.vswitchIds[0],
        securityGroupId: cluster.securityGroupId,
        registry: plan.imageCache.registryCredential ? stack.registry : undefined,
      },
      cloudOpts,
    );
  return { nasCache, ossCache, imageCache };
}
