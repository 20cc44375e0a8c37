import * as pulumi from "@pulumi/pulumi";
import type * as AckServerlessModule from "./ack-serverless";
// Not the folder's index: that also loads the ACK Serverless cluster and, with it, the Alibaba Cloud SDK.
import { ExistingCluster } from "./components/cluster/existing-cluster";
import { ownKubernetesObjects } from "./components/cluster/owned-objects";
import { gitlabProvider } from "./components/gitlab/gitlab-provider";
import { DeployTarget } from "./components/deploy";
import { RunnerMonitoring } from "./components/monitoring";
import { CiVariables } from "./components/gitlab/ci-variables";
import { PlatformNamespaces } from "./components/namespaces";
import { PipelineComponents, loadComponentProject } from "./components/pipelines";
import { RunnerFleet } from "./components/runner";
import { loadStackConfig, monitoringOf } from "./config";
import { caDataFromPem } from "./model/deploy";
import { jobPodNeeds, planAckServerless } from "./model/fleet";
import { planMonitoring } from "./model/monitoring";

const config = loadStackConfig();
pulumi.runtime.registerStackTransformation(ownKubernetesObjects);
// The template folder to publish is checked with the config: a misplaced file stops the run before any resource.
const componentsToPublish = config.pipelineComponents && {
  ...config.pipelineComponents,
  content: loadComponentProject(),
};
const { secrets } = config;
const clusterName = config.cluster.name ?? pulumi.getStack();
const ack = config.cluster.type === "ackServerless" ? config.cluster.ackServerless : undefined;
const ackPlan =
  ack &&
  planAckServerless({
    ...ack,
    network: ack.network,
    clusterName,
    runnerImage: config.runnerImage,
    fleets: config.fleets,
    registryServer: config.registry?.server,
  });
const registry = config.registry &&
  secrets.registryPassword && { ...config.registry, password: secrets.registryPassword };

/** The Alibaba Cloud side, loaded only for an ACK Serverless cluster. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ackServerlessModule = () => require("./ack-serverless") as typeof AckServerlessModule;
const ackSide = ack && ackPlan && ackServerlessModule().ackServerlessCluster(ack, ackPlan, clusterName);
const ackCluster = ackSide?.cluster;
const cluster =
  ackCluster ??
  new ExistingCluster("cluster", {
    clusterName,
    kubeconfig: secrets.kubeconfig,
    context: config.cluster.context,
  });
const k8sOpts = { providers: [cluster.provider] };

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

const { nasCache, ossCache, imageCache } =
  ack && ackPlan && ackSide
    ? ackServerlessModule().ackServerlessCaches(ack, ackPlan, ackSide, { clusterName, registry, namespaces })
    : {};

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
        runnerImage: config.runnerImage,
        serviceMonitorLabels: config.monitoring.prometheusOperator
          ? config.monitoring.serviceMonitorLabels
          : undefined,
        virtualNodes: ackPlan?.virtualNodes,
        ossCache: ackPlan?.oss,
        registry,
        gitSsh: config.gitSsh &&
          secrets.gitSshPrivateKey && {
            knownHosts: config.gitSsh.knownHosts,
            privateKey: secrets.gitSshPrivateKey,
          },
        cacheCredentials: fleet.cache.type !== "oss" ? s3Keys : ossCache ? ossCache.credentials : undefined,
        cacheGcsCredentials: secrets.cacheGcsCredentials,
      },
      { ...k8sOpts, dependsOn: [namespaces, ...(nasCache ? nasCache.claims : [])] },
    ),
);

const monitoring = monitoringOf(config, pulumi.getStack());
new RunnerMonitoring(
  "monitoring",
  { plan: planMonitoring(monitoring.spec, monitoring.delivery) },
  { ...k8sOpts, dependsOn: [namespaces] },
);

for (const warning of [...config.gitlabSide.warnings, ...(ackPlan?.warnings ?? [])]) pulumi.log.warn(warning);

new CiVariables("variables", {
  variables: config.gitlabSide.variables.map((v) => ({ ...v.spec, value: v.value })),
  gitlabProvider: gitlab,
});

const published =
  componentsToPublish &&
  new PipelineComponents("pipeline-components", { ...componentsToPublish, gitlabProvider: gitlab });

// The API server deploy jobs reach: as the stack file names it, or the created cluster's own.
const apiServer = config.cluster.apiServer;
const clusterEndpoint = apiServer
  ? { server: apiServer.server, caData: caDataFromPem(apiServer.caCert) }
  : ackCluster?.endpoint;
const deployTargets = clusterEndpoint
  ? config.gitlabSide.deployTargets.map(
      (target) =>
        new DeployTarget(
          `deploy-${target.application}-${target.environment}`,
          {
            target,
            cluster: clusterEndpoint,
            gitlabProvider: gitlab,
          },
          k8sOpts,
        ),
    )
  : [];

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
      imageCacheImages: ackPlan?.imageCache?.images ?? [],
    }
  : "not used: cluster.type is existing";
export const applications = deployTargets.map((t) => ({
  target: t.plan.name,
  namespace: t.namespace,
  kubeconfigVariable: `${t.plan.variable.owner.path}:${t.plan.variable.key}:${t.plan.variable.environmentScope}`,
}));
/** Where applications include the CI/CD components from (a tag of that project once a maintainer sets one). */
export const pipelineComponents = published
  ? { project: published.project, branch: published.branch, includes: published.includes }
  : "not published: pipelineComponents is not set";
