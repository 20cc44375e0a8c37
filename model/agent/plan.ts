import { COMPONENTS, platformLabels } from "../labels";
import { rotationSuffix } from "../rotation";
import { agentConfigPath, renderAgentConfig, type AgentAuthorisation } from "./config-file";
import { kasEndpoint } from "./kas";

type ResourceList = { cpu: string; memory: string };

/** The GitLab agent for Kubernetes as the platform runs it: one agent per stack, `ci_job` access only. */
export interface AgentSpec {
  /** The agent's name in GitLab (a DNS label of up to 63 characters). */
  name: string;
  /** The project (path with namespace) that holds the agent and `.gitlab/agents/<name>/config.yaml`. */
  configProject: string;
  /** Where agentk dials the agent server, e.g. `wss://gitlab.example.com/-/kubernetes-agent/`. */
  kasAddress: string;
  /** PEM of the CA that signed the agent server's certificate, when it is a private one. */
  kasCaCert?: string;
  /** `/etc/hosts` entries, for an agent server the cluster's DNS does not resolve (an intranet GitLab). */
  hostAliases: readonly { ip: string; hostnames: readonly string[] }[];
  /** The agentk image, pinned by version tag or digest. */
  image: string;
  replicas: number;
  /** The namespace agentk runs in (Pod Security restricted). */
  namespace: string;
  requests: ResourceList;
  limits: ResourceList;
  /** The API server's port as pods reach it, which agentk's NetworkPolicy lets it connect to. */
  apiServerPort: number;
  /** Change it to replace the agent's token (a new token, then a rollout that reads it). */
  tokenRotation?: string;
  /** The projects whose jobs may use the agent, each with its environments. */
  authorisations: readonly AgentAuthorisation[];
  /** Who manages the configuration file, written at its top (e.g. `the gitlab-ci-platform stack dev`). */
  managedBy: string;
}

/** Everything the agent consists of: the components create exactly this. */
export interface AgentPlan {
  spec: AgentSpec;
  /** The kubecontext GitLab gives authorised jobs: `<config project>:<agent name>`. */
  context: string;
  configFile: { path: string; content: string };
  labels: Record<string, string>;
  /** Object names; the token's name in GitLab and its Secret carry the rotation. */
  names: {
    serviceAccount: string;
    tokenSecret: string;
    kasCaConfigMap: string;
    deployment: string;
    clusterRole: string;
    gitlabToken: string;
  };
  /** TCP ports agentk may connect to besides DNS: the agent server's and the API server's. */
  egressPorts: number[];
}

/** The kubecontext GitLab puts in authorised jobs' KUBECONFIG: `<config project path>:<agent name>`. */
export function agentContext(configProject: string, agentName: string): string {
  return `${configProject}:${agentName}`;
}

/** The Secret key agentk reads its token from, and where it is mounted. */
export const AGENTK_PATHS = {
  tokenDir: "/etc/agentk/secrets",
  tokenKey: "token",
  kasCaDir: "/etc/agentk/kas-ca",
  kasCaKey: "ca.crt",
} as const;

/** The port of the Kubernetes Service `kubernetes.default`, which in-cluster clients dial. */
const KUBERNETES_SERVICE_PORT = 443;
const AGENTK = "agentk";
/** agentk's ServiceAccount, in the agent's namespace: the one subject its impersonation ClusterRole is bound to. */
export const AGENTK_SERVICE_ACCOUNT = AGENTK;
const CLUSTER_ROLE = /^gitlab-ci-platform:([^:]+):([^:]+):impersonate$/;

/** The name of the impersonation ClusterRole of the agent `name` whose agentk runs in `namespace`. */
export function agentClusterRoleName(namespace: string, name: string): string {
  return `gitlab-ci-platform:${namespace}:${name}:impersonate`;
}

/** The namespace of the agentk an impersonation ClusterRole's name belongs to; undefined for any other name. */
export function agentNamespaceOfClusterRole(clusterRole: string): string | undefined {
  return CLUSTER_ROLE.exec(clusterRole)?.[1];
}

export function planAgent(spec: AgentSpec): AgentPlan {
  const kas = kasEndpoint(spec.kasAddress);
  if (!kas) throw new Error(`agent ${spec.name}: "${spec.kasAddress}" is not a KAS address agentk dials`);
  const rotation = spec.tokenRotation ? `-${rotationSuffix(spec.tokenRotation)}` : "";
  return {
    spec,
    context: agentContext(spec.configProject, spec.name),
    configFile: {
      path: agentConfigPath(spec.name),
      content: renderAgentConfig(spec.authorisations, spec.configProject, spec.managedBy),
    },
    labels: platformLabels(COMPONENTS.agent, spec.name),
    names: {
      serviceAccount: AGENTK,
      tokenSecret: `${AGENTK}-token${rotation}`,
      kasCaConfigMap: `${AGENTK}-kas-ca`,
      deployment: AGENTK,
      clusterRole: agentClusterRoleName(spec.namespace, spec.name),
      gitlabToken: `${spec.name}-${AGENTK}${rotation}`,
    },
    egressPorts: [...new Set([kas.port, KUBERNETES_SERVICE_PORT, spec.apiServerPort])].sort((a, b) => a - b),
  };
}
