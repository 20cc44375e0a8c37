import * as pulumi from "@pulumi/pulumi";
import { ExistingCluster } from "./components/cluster";
import { gitlabProvider } from "./components/gitlab/gitlab-provider";
import { DeployTarget } from "./components/deploy";
import { CiVariables } from "./components/gitlab/ci-variables";
import { PlatformNamespaces } from "./components/namespaces";
import { RunnerFleet } from "./components/runner";
import { loadStackConfig } from "./config";
import { caDataFromPem } from "./model/deploy";
import { jobPodNeeds } from "./model/fleet";

const config = loadStackConfig();
const { secrets } = config;

const cluster = new ExistingCluster("cluster", {
  clusterName: config.cluster.name ?? pulumi.getStack(),
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
        registry: config.registry &&
          secrets.registryPassword && { ...config.registry, password: secrets.registryPassword },
        gitSsh: config.gitSsh &&
          secrets.gitSshPrivateKey && {
            knownHosts: config.gitSsh.knownHosts,
            privateKey: secrets.gitSshPrivateKey,
          },
        cacheCredentials: secrets.cacheS3AccessKey &&
          secrets.cacheS3SecretKey && {
            accessKey: secrets.cacheS3AccessKey,
            secretKey: secrets.cacheS3SecretKey,
          },
        cacheGcsCredentials: secrets.cacheGcsCredentials,
      },
      { ...k8sOpts, dependsOn: [namespaces] },
    ),
);

for (const warning of config.gitlabSide.warnings) pulumi.log.warn(warning);

new CiVariables("variables", {
  variables: config.gitlabSide.variables.map((v) => ({ ...v.spec, value: v.value })),
  gitlabProvider: gitlab,
});

const apiServer = config.cluster.apiServer;
const deployTargets = apiServer
  ? config.gitlabSide.deployTargets.map(
      (target) =>
        new DeployTarget(
          `deploy-${target.application}-${target.environment}`,
          {
            target,
            cluster: { server: apiServer.server, caData: caDataFromPem(apiServer.caCert) },
            gitlabProvider: gitlab,
          },
          k8sOpts,
        ),
    )
  : [];

export const clusterName = cluster.clusterName;
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
export const applications = deployTargets.map((t) => ({
  target: t.plan.name,
  namespace: t.namespace,
  kubeconfigVariable: `${t.plan.variable.owner.path}:${t.plan.variable.key}:${t.plan.variable.environmentScope}`,
}));
