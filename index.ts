import * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";
import { EciImageCache, NasCache, OssCache } from "./components/cache";
import { AckServerlessCluster, ExistingCluster } from "./components/cluster";
import { gitlabProvider } from "./components/gitlab/gitlab-provider";
import { PlatformNamespaces } from "./components/namespaces";
import { RunnerFleet } from "./components/runner";
import { loadStackConfig } from "./config";
import { helperImageFor, imageCacheName, ossInternalEndpoint, planVSwitches } from "./model/ack";
import { METRICS_PORT, imageCacheContents, jobPodNeeds, nasCacheClaims } from "./model/fleet";
import { runnerImage } from "./model/runner-image";

const config = loadStackConfig();
const { secrets } = config;
const clusterName = config.cluster.name ?? pulumi.getStack();
const ack = config.cluster.type === "ackServerless" ? config.cluster.ackServerless : undefined;
const managerImage = runnerImage(config.runnerImage);
const helperImage = helperImageFor(config.runnerImage);
const registry = config.registry &&
  secrets.registryPassword && { ...config.registry, password: secrets.registryPassword };

const alicloudProvider = ack && new alicloud.Provider("alicloud", { region: ack.region });
const ackCluster =
  ack &&
  alicloudProvider &&
  new AckServerlessCluster(
    "cluster",
    {
      clusterName,
      version: ack.version,
      clusterSpec: ack.clusterSpec,
      serviceCidr: ack.serviceCidr,
      endpointPublicAccess: ack.endpointPublicAccess,
      deletionProtection: ack.deletionProtection,
      tags: ack.tags,
      network:
        ack.network.vpcId && ack.network.vswitchIds
          ? { existing: { vpcId: ack.network.vpcId, vswitchIds: ack.network.vswitchIds } }
          : {
              create: {
                vpcCidr: ack.network.vpcCidr,
                vswitches: planVSwitches(ack.network.vpcCidr, ack.network.zones ?? []),
                natBandwidth: ack.network.natBandwidth,
              },
            },
    },
    { providers: [alicloudProvider] },
  );
const cluster =
  ackCluster ??
  new ExistingCluster("cluster", {
    clusterName,
    kubeconfig: secrets.kubeconfig,
    context: config.cluster.context,
  });
const k8sOpts = { providers: [cluster.provider] };
const cloudOpts = { providers: alicloudProvider ? [alicloudProvider] : [] };

const gitlab = gitlabProvider("gitlab", {
  url: config.gitlab.url,
  token: secrets.gitlabToken,
  caCert: config.gitlab.caCert,
});

const namespaces = new PlatformNamespaces(
  "namespaces",
  { managerNamespace: config.cluster.managerNamespace, jobPods: config.fleets.map(jobPodNeeds) },
  k8sOpts,
);

const nasClaims = ack ? nasCacheClaims(config.fleets, ack.nas.size) : [];
const nasCache =
  ack &&
  ackCluster &&
  nasClaims.length > 0 &&
  new NasCache(
    "nas-cache",
    {
      namePrefix: clusterName,
      storageType: ack.nas.storageType,
      vpcId: ackCluster.vpcId,
      vswitchId: ackCluster.vswitchIds[0],
      sourceCidr: ack.network.vpcCidr,
      path: ack.nas.path,
      claims: nasClaims,
      tags: ack.tags,
      kubernetes: cluster.provider,
    },
    { ...cloudOpts, dependsOn: [namespaces] },
  );
const ossCache =
  ack?.oss &&
  config.fleets.some((f) => f.cache.type === "oss") &&
  new OssCache(
    "oss-cache",
    {
      bucketName: ack.oss.bucketName,
      expireDays: ack.oss.expireDays,
      namePrefix: clusterName,
      tags: ack.tags,
    },
    cloudOpts,
  );
const imageCacheList =
  ack?.imageCache.enabled &&
  imageCacheContents(config.fleets, { managerImage, helperImage }, ack.imageCache.images);
const imageCache =
  ackCluster &&
  imageCacheList &&
  new EciImageCache(
    "image-cache",
    {
      imageCacheName: imageCacheName(`${clusterName}-runner`, imageCacheList),
      images: imageCacheList,
      size: ack.imageCache.size,
      vswitchId: ackCluster.vswitchIds[0],
      securityGroupId: ackCluster.securityGroupId,
      registry,
    },
    cloudOpts,
  );

const s3Keys = secrets.cacheS3AccessKey &&
  secrets.cacheS3SecretKey && { accessKey: secrets.cacheS3AccessKey, secretKey: secrets.cacheS3SecretKey };
const fleets = config.fleets.map(
  (fleet) =>
    new RunnerFleet(
      fleet.name,
      {
        fleet,
        gitlab: { url: config.gitlab.url, caCert: config.gitlab.caCert, defaultGroup: config.gitlab.group },
        gitlabProvider: gitlab,
        managerNamespace: config.cluster.managerNamespace,
        hostAliases: config.hostAliases,
        image: managerImage,
        metricsPort: METRICS_PORT,
        serviceMonitorLabels: config.monitoring.prometheusOperator
          ? config.monitoring.serviceMonitorLabels
          : undefined,
        virtualNodes: ack && { imageCache: ack.imageCache.enabled, helperImage },
        ossCache: ack?.oss && {
          serverAddress: ossInternalEndpoint(ack.region),
          bucketName: ack.oss.bucketName,
          bucketLocation: ack.region,
        },
        registry,
        gitSsh: config.gitSsh &&
          secrets.gitSshPrivateKey && {
            knownHosts: config.gitSsh.knownHosts,
            privateKey: secrets.gitSshPrivateKey,
          },
        cacheCredentials: fleet.cache.type !== "oss" ? s3Keys : ossCache ? ossCache.credentials : undefined,
      },
      { ...k8sOpts, dependsOn: [namespaces, ...(nasCache ? nasCache.claims : [])] },
    ),
);

export { clusterName };
export const managerNamespace = config.cluster.managerNamespace;
export const jobNamespaces = namespaces.jobPolicies.map((p) => ({
  namespace: p.namespace,
  podSecurity: p.level,
}));
export const runners = fleets.map((f, i) => ({
  fleet: config.fleets[i].name,
  runnerId: f.runnerId,
  tokenExpiresAt: f.tokenExpiresAt ?? "not reported by GitLab; rotate with tokenRotation",
}));
/** The ACK Serverless side: cluster, egress address and caches (the kubeconfig stays inside the stack's provider). */
export const ackServerless = ackCluster
  ? {
      clusterId: ackCluster.clusterId,
      egressIp: ackCluster.egressIp ?? "the existing VPC's",
      nasFileSystemId: nasCache ? nasCache.fileSystemId : "no fleet caches on NAS",
      ossBucket: ossCache ? ossCache.bucketName : "no fleet caches in OSS",
      imageCacheId: imageCache ? imageCache.imageCacheId : "imageCache.enabled is false",
      imageCacheImages: imageCacheList || [],
    }
  : "not used: cluster.type is existing";
