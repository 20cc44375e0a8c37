import * as pulumi from "@pulumi/pulumi";
import { ExistingCluster } from "./components/cluster";
import { PlatformNamespaces, fleetPodSecurityLevel } from "./components/namespaces";
import { RunnerFleet } from "./components/runner";
import { gitlabProvider } from "./components/gitlab/gitlab-provider";
import { DEFAULTS, jobNamespace, jobPodNeeds, loadStackConfig } from "./config";

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

const jobPods = config.fleets.map(jobPodNeeds);
const namespaces = new PlatformNamespaces(
  "namespaces",
  { managerNamespace: config.cluster.managerNamespace, jobPods },
  k8sOpts,
);

const fleets = config.fleets.map(
  (fleet, i) =>
    new RunnerFleet(
      fleet.name,
      {
        fleet,
        gitlab: {
          url: config.gitlab.url,
          caCert: config.gitlab.caCert,
          defaultGroup: config.gitlab.group,
          provider: gitlab,
        },
        managerNamespace: config.cluster.managerNamespace,
        jobNamespace: jobNamespace(fleet),
        // The fleet's own level, not its namespace's: a restricted fleet stays restricted beside a kaniko one.
        jobPodSecurity: fleetPodSecurityLevel(jobPods[i]),
        hostAliases: config.hostAliases,
        image: `${config.runnerImage.repository}:alpine-${config.runnerImage.version}`,
        metricsPort: DEFAULTS.metricsPort,
        serviceMonitor: config.monitoring.prometheusOperator && {
          labels: config.monitoring.serviceMonitorLabels,
        },
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
      },
      { ...k8sOpts, dependsOn: [namespaces] },
    ),
);

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
