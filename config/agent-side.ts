import { defaultKasAddress, type AgentSpec } from "../model/agent";
import { agentImage } from "./agent-schema";
import { deployTargetSpecs } from "./gitlab-side";
import type { PlainConfig } from "./schema";

/** The port kube-apiserver serves on unless told otherwise (ACK's included). */
const KUBE_APISERVER_PORT = 6443;

/** The agent's settings as the stack file gives them; who manages the configuration file is the program's to say. */
export type AgentSettings = Omit<AgentSpec, "managedBy">;

/** The KAS address agentk dials: the stack file's, or the one GitLab serves by default. */
export function kasAddressOf(config: PlainConfig): string {
  return config.agent?.kasAddress ?? defaultKasAddress(config.gitlab.url);
}

/** The API server's port as pods reach it: cluster.apiServer's, else kube-apiserver's default. */
function apiServerPort(config: PlainConfig): number {
  const server = config.cluster.apiServer?.server;
  if (!server) return KUBE_APISERVER_PORT;
  const url = new URL(server);
  return url.port ? Number(url.port) : 443;
}

/** The agent the stack runs, in the platform's terms; undefined when the stack file sets none. */
export function agentSettings(config: PlainConfig): AgentSettings | undefined {
  const agent = config.agent;
  if (!agent) return undefined;
  const authorisations = deployTargetSpecs(config)
    .filter((t) => t.access === "agent")
    .map((t) => ({ project: t.project, environments: [t.environmentScope] }));
  return {
    name: agent.name,
    configProject: agent.configProject,
    kasAddress: kasAddressOf(config),
    kasCaCert: config.gitlab.caCert,
    hostAliases: config.hostAliases,
    image: agentImage(agent.image),
    replicas: agent.replicas,
    namespace: agent.namespace,
    requests: agent.requests,
    limits: agent.limits,
    apiServerPort: apiServerPort(config),
    tokenRotation: agent.tokenRotation,
    authorisations,
  };
}
