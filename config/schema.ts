import { z } from "../model/zod";
import { admissibleHostAliasSchema } from "../model/config-toml";
import { DEFAULTS } from "../model/defaults";
import { CACHE_STACK_SECRETS } from "../model/fleet/cache";
import { fleetSpecSchema } from "../model/fleet/spec";
import { dnsLabel, groupOrProject } from "../model/formats";
import { gitlabUrl, imageRepository } from "./formats";
import { ackServerlessSchema } from "./ack-schema";
import { agentSchema } from "./agent-schema";
import { monitoringSchema } from "./monitoring-schema";
import { pipelineComponentsSchema } from "./pipeline-components-schema";
import {
  apiServerSchema,
  applicationSchema,
  registryVariablesSchema,
  variableSchema,
} from "./variables-schema";

/** The project's config namespace: every key in a stack file is `gitlab-ci-platform:<key>`. */
export const PROJECT = "gitlab-ci-platform";

const RUNNER_VERSION = /^v\d+\.\d+\.\d+$/;
const REGISTRY_HOST = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?(:\d{1,5})?$/;

const clusterSchema = z.strictObject({
  /** Stable identity of the cluster; keeps objects from being replaced when the kubeconfig changes. */
  name: dnsLabel.optional(),
  /** kubeconfig context to use when no `kubeconfig` secret is set. */
  context: z.string().min(1).optional(),
  /** Namespace of the runner managers. */
  managerNamespace: dnsLabel.default(DEFAULTS.cluster.managerNamespace),
  /** An existing cluster (kubeconfig), or an ACK Serverless cluster the stack creates. */
  type: z.enum(["existing", "ackServerless"]).default(DEFAULTS.cluster.type),
  ackServerless: ackServerlessSchema.optional(),
  /** API server URL and CA written into deploy kubeconfigs (needed when applications are set). */
  apiServer: apiServerSchema.optional(),
  /** How fast the Kubernetes provider may send requests to the API server. */
  kubeClient: z
    .strictObject({
      qps: z.number().positive().default(DEFAULTS.cluster.kubeClient.qps),
      burst: z.number().int().min(1).default(DEFAULTS.cluster.kubeClient.burst),
    })
    .prefault({}),
});

const gitlabSchema = z.strictObject({
  url: gitlabUrl,
  /** PEM CA bundle of a GitLab served with a private or self-signed certificate. */
  caCert: z
    .string()
    .includes("-----BEGIN CERTIFICATE-----", { message: "must be a PEM certificate" })
    .optional(),
  /** Default owner of group runners: the group's numeric id or full path. */
  group: groupOrProject.optional(),
  /** The GitLab plan: environment scopes on group variables need premium or ultimate. */
  tier: z.enum(["free", "premium", "ultimate"]).default(DEFAULTS.gitlab.tier),
});

const registrySchema = z.strictObject({
  server: z.string().regex(REGISTRY_HOST, {
    message: "must be a lower-case registry host name, optionally with a port, no https://",
  }),
  username: z.string().min(1),
  /** Also publish the credential as REGISTRY_* CI/CD variables to these groups or projects. */
  variables: z.array(registryVariablesSchema).optional(),
});

const gitSshSchema = z.strictObject({
  /** known_hosts lines for the Git servers jobs clone from over SSH. */
  knownHosts: z.string().min(1),
});

/** The first runner release that expands `${VAR}` in token and url; config.toml relies on it. */
const MINIMUM_RUNNER = [18, 10] as const;

function atLeastMinimum(version: string): boolean {
  const [major, minor] = version.slice(1).split(".").map(Number);
  return major > MINIMUM_RUNNER[0] || (major === MINIMUM_RUNNER[0] && minor >= MINIMUM_RUNNER[1]);
}

const runnerImageSchema = z.strictObject({
  repository: imageRepository.default(DEFAULTS.runnerImage.repository),
  version: z
    .string()
    .regex(RUNNER_VERSION, { message: "must be a pinned runner version such as v19.3.0 (never latest)" })
    .refine(atLeastMinimum, {
      message: `must be v${MINIMUM_RUNNER.join(".")}.0 or later: older runners do not expand \${RUNNER_TOKEN} in config.toml`,
    })
    .default(DEFAULTS.runnerImage.version),
});

/** Plain (non-secret) top-level keys. */
export const plainConfigSchema = z.strictObject({
  cluster: clusterSchema.prefault({}),
  gitlab: gitlabSchema,
  /** Each fleet as the model's fleet contract states it (model/fleet/spec.ts). */
  fleets: z.array(fleetSpecSchema).min(1, { message: "needs at least one runner fleet" }),
  registry: registrySchema.optional(),
  gitSsh: gitSshSchema.optional(),
  hostAliases: z.array(admissibleHostAliasSchema).default(() => [...DEFAULTS.hostAliases]),
  monitoring: monitoringSchema.prefault({}),
  runnerImage: runnerImageSchema.prefault({}),
  variables: z.array(variableSchema).default(() => [...DEFAULTS.variables]),
  applications: z.array(applicationSchema).default(() => [...DEFAULTS.applications]),
  /** The GitLab agent for Kubernetes, for applications with `access: agent`; unset, there is none. */
  agent: agentSchema.optional(),
  /** Publish the CI/CD components in templates/ into this GitLab project; unset, nothing is published. */
  pipelineComponents: pipelineComponentsSchema.optional(),
});

export type PlainConfig = z.infer<typeof plainConfigSchema>;

/** Secret top-level keys: always read with getSecret, kept as secret Outputs. */
export const SECRET_KEYS = [
  "gitlabToken",
  "kubeconfig",
  "registryPassword",
  "gitSshPrivateKey",
  // Each cache backend names the secrets it reads (model/fleet/cache/).
  ...CACHE_STACK_SECRETS,
  "variableSecrets",
] as const;
export type SecretKey = (typeof SECRET_KEYS)[number];

export const PLAIN_KEYS = Object.keys(plainConfigSchema.shape) as (keyof PlainConfig)[];
