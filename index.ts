import * as pulumi from "@pulumi/pulumi";
import type * as AckServerlessModule from "./ack-serverless";
// Not the folder's index: that also loads the ACK Serverless cluster and, with it, the Alibaba Cloud SDK.
import { ExistingCluster } from "./components/cluster/existing-cluster";
import { ownKubernetesObjects } from "./components/cluster/owned-objects";
import { gitlabProvider } from "./components/gitlab/gitlab-provider";
import { AgentK, AgentRegistration, AuthorisedProjects } from "./components/agent";
import { DeployTarget } from "./components/deploy";
import { RunnerMonitoring } from "./components/monitoring";
import { CiVariables } from "./components/gitlab/ci-variables";
import { PlatformNamespaces } from "./components/namespaces";
import { PipelineComponents, loadComponentProject } from "./components/pipelines";
import { RunnerFleet } from "./components/runner";
import { loadStackConfig, monitoringOf } from "./config";
import { environmentSlugsByProject } from "./model/agent";
import { caDataFromPem } from "./model/deploy";
import { OSS_CACHE_KEY, jobPodNeeds, planAckServerless } from "./model/fleet";
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
const kubeClient = config.cluster.kubeClient;
const ackSide =
  ack &&
  ackPlan &&
  ackServerlessModule().ackServerlessCluster(ack, ackPlan, { name: clusterName, kubeClient });
const ackCluster = ackSide?.cluster;
const cluster =
  ackCluster ??
  new ExistingCluster("cluster", {
    clusterName,
    kubeconfig: secrets.kubeconfig,
    context: config.cluster.context,
    kubeClient,
  });
const k8sOpts = { providers: [cluster.provider] };

const gitlab = gitlabProvider("gitlab", {
  url: config.gitlab.url,
  token: secrets.gitlabToken,
  caCert: config.gitlab.caCert,
});
/** For components with children in the cluster and in GitLab. */
const bothOpts = { providers: [cluster.provider, gitlab] };

const namespaces = new PlatformNamespaces(
  "namespaces",
  { managerNamespace: config.cluster.managerNamespace, jobPods: config.fleets.map(jobPodNeeds) },
  k8sOpts,
);

const { nasCache, ossCache, imageCache } =
  ack && ackPlan && ackSide
    ? ackServerlessModule().ackServerlessCaches(ack, ackPlan, ackSide, { clusterName, registry, namespaces })
    : {};

/** What fleets' credential Secrets are filled from: the stack's secrets, and the OSS cache's key it creates. */
const credentials = {
  ...secrets,
  ...(ossCache && {
    [OSS_CACHE_KEY.accessKey]: ossCache.credentials.accessKey,
    [OSS_CACHE_KEY.secretKey]: ossCache.credentials.secretKey,
  }),
};
const fleets = config.fleets.map(
  (fleet) =>
    new RunnerFleet(
      fleet.name,
      {
        fleet,
        gitlab: { url: config.gitlab.url, caCert: config.gitlab.caCert, defaultGroup: config.gitlab.group },
        managerNamespace: config.cluster.managerNamespace,
        hostAliases: config.hostAliases,
        runnerImage: config.runnerImage,
        serviceMonitorLabels: config.monitoring.prometheusOperator
          ? config.monitoring.serviceMonitorLabels
          : undefined,
        virtualNodes: ackPlan?.virtualNodes,
        ossCache: ackPlan?.oss,
        registry: config.registry,
        gitSsh: config.gitSsh,
        credentials,
      },
      { ...bothOpts, dependsOn: [namespaces, ...(nasCache ? nasCache.claims : [])] },
    ),
);

const monitoring = monitoringOf(config, pulumi.getStack());
new RunnerMonitoring(
  "monitoring",
  { plan: planMonitoring(monitoring.spec, monitoring.delivery) },
  { ...k8sOpts, dependsOn: [namespaces] },
);

for (const warning of [...config.gitlabSide.warnings, ...(ackPlan?.warnings ?? [])]) pulumi.log.warn(warning);

new CiVariables(
  "variables",
  { variables: config.gitlabSide.variables.map((v) => ({ ...v.spec, value: v.value })) },
  { provider: gitlab },
);

const published =
  componentsToPublish &&
  new PipelineComponents("pipeline-components", componentsToPublish, { provider: gitlab });

// The API server deploy jobs reach: as the stack file names it, or the created cluster's own.
const apiServer = config.cluster.apiServer;
const clusterEndpoint = apiServer
  ? { server: apiServer.server, caData: caDataFromPem(apiServer.caCert) }
  : ackCluster?.endpoint;

// The GitLab agent: registered and configured in GitLab, agentk in the cluster, impersonating the jobs it admits.
const projects = new AuthorisedProjects(gitlab);
const agentSpec = config.gitlabSide.agent && {
  ...config.gitlabSide.agent,
  managedBy: `the ${pulumi.getProject()} stack ${pulumi.getStack()}`,
};
const agentRegistration =
  agentSpec &&
  new AgentRegistration(
    "agent",
    { agent: agentSpec, branch: projects.defaultBranch(agentSpec.configProject) },
    { provider: gitlab },
  );
const agentk =
  agentSpec &&
  agentRegistration &&
  new AgentK(
    "agent",
    {
      agent: agentSpec,
      token: agentRegistration.token,
      projects: projects.resolve(environmentSlugsByProject(agentSpec.authorisations)),
    },
    k8sOpts,
  );

const deployTargets = config.gitlabSide.deployTargets.flatMap((target) => {
  const access =
    target.access === "agent"
      ? { mode: "agent" as const, projectId: projects.projectId(target.project) }
      : clusterEndpoint && { mode: "kubeconfig" as const, cluster: clusterEndpoint };
  const name = `deploy-${target.application}-${target.environment}`;
  return access ? [new DeployTarget(name, { target, access }, bothOpts)] : [];
});

/** GitLab reports no expiry of a runner's token: rotate it with the fleet's tokenRotation. */
const runners = fleets.map((f, i) => ({ fleet: config.fleets[i].name, runnerId: f.runnerId }));
/**
 * The ACK Serverless side: cluster, egress address and caches (the kubeconfig stays inside the stack's provider).
 * A member is absent where the stack does not create it (no egress IP in an existing VPC, no NAS or OSS without a
 * fleet caching there, no image cache when it is off).
 */
const ackServerless = ackCluster && {
  clusterId: ackCluster.clusterId,
  egressIp: ackCluster.egressIp,
  nasFileSystemId: nasCache?.fileSystemId,
  ossBucket: ossCache?.bucketName,
  imageCacheId: imageCache?.imageCacheId,
  imageCacheImages: ackPlan?.imageCache?.images,
};
/** Each application environment: its KUBECONFIG variable, or the agent's kubecontext and its GitLab environment. */
const applications = deployTargets.map((t) => {
  const access = t.plan.access;
  return {
    target: t.plan.name,
    namespace: t.namespace,
    ...(access.mode === "kubeconfig"
      ? {
          kubeconfigVariable: `${access.variable.owner.path}:${access.variable.key}:${access.variable.environmentScope}`,
        }
      : { agentContext: agentk?.context, gitlabEnvironment: access.gitlabEnvironment }),
  };
});
/** The GitLab agent for Kubernetes, when applications deploy through it. */
const agent = agentk &&
  agentRegistration && {
    name: agentk.plan.spec.name,
    context: agentk.context,
    namespace: agentk.namespace,
    agentId: agentRegistration.agentId,
  };
/** Where applications include the CI/CD components from (a tag of that project once a maintainer sets one). */
const pipelineComponents = published && {
  project: published.project,
  branch: published.branch,
  includes: published.includes,
};

/**
 * The stack outputs. One that does not apply to the stack (ackServerless on an existing cluster, agent without
 * agent applications, pipelineComponents when nothing is published) is left out, not exported as undefined, which the engine warns about at every run.
 */
export = presentOnly({
  clusterName,
  managerNamespace: config.cluster.managerNamespace,
  jobNamespaces: namespaces.jobPolicies.map((p) => ({ namespace: p.namespace, podSecurity: p.level })),
  runners,
  ackServerless,
  applications,
  agent,
  pipelineComponents,
});

function presentOnly<T extends object>(outputs: T): Partial<T> {
  return Object.fromEntries(Object.entries(outputs).filter(([, value]) => value !== undefined)) as Partial<T>;
}
