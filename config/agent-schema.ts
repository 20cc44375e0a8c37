import { z } from "../model/zod";
import { quantity } from "../model/config-toml";
import { DEFAULTS } from "../model/defaults";
import { AGENT_NAME } from "../model/gitlab-limits";
import { imageRepository, namespaceName } from "./formats";
import { projectPath } from "./variables-schema";

const A = DEFAULTS.agent;
const AGENT_VERSION = /^(v\d+\.\d+\.\d+(-rc\d+)?|sha256:[0-9a-f]{64})$/;

const resources = (defaults: { cpu: string; memory: string }) =>
  z
    .strictObject({ cpu: quantity.default(defaults.cpu), memory: quantity.default(defaults.memory) })
    .prefault({});

/** The GitLab agent for Kubernetes the stack registers, configures and runs (agentk). */
export const agentSchema = z.strictObject({
  /** The agent's name in GitLab. */
  name: z.string().regex(AGENT_NAME, {
    message:
      "must be an agent name GitLab accepts: a DNS label of at most 63 lower-case letters, digits and '-'",
  }),
  /** The project that holds the agent and its configuration file `.gitlab/agents/<name>/config.yaml`. */
  configProject: projectPath,
  /** Where agentk dials the agent server; checked by the agent rules (the schemes depend on the stack). */
  kasAddress: z.string().optional(),
  image: z
    .strictObject({
      repository: imageRepository.default(A.image.repository),
      version: z
        .string()
        .regex(AGENT_VERSION, {
          message:
            "must pin agentk: a release such as v19.3.0, or a digest sha256:<64 hex digits> (never latest)",
        })
        .default(A.image.version),
    })
    .prefault({}),
  replicas: z.number().int().min(1).max(5).default(A.replicas),
  namespace: namespaceName.default(A.namespace),
  requests: resources(A.requests),
  limits: resources(A.limits),
  /** Change it to replace the agent's token (and roll agentk onto the new one). */
  tokenRotation: z.string().max(200).optional(),
  /**
   * The GitLab administrator turned on instance level authorization (self-managed only), so the agent may authorise
   * projects outside its configuration project's top-level group.
   */
  instanceLevelAuthorization: z.boolean().default(A.instanceLevelAuthorization),
});

export type AgentConfig = z.infer<typeof agentSchema>;

/** The agentk image reference a pinned version makes: a tag, or a digest. */
export function agentImage(image: AgentConfig["image"]): string {
  return image.version.startsWith("sha256:")
    ? `${image.repository}@${image.version}`
    : `${image.repository}:${image.version}`;
}
