import { z } from "../model/zod";
import {
  admissibleHostAliasSchema,
  dnsName,
  featureFlags,
  kubernetesSettingsSchema,
  quantity,
} from "../model/config-toml";
import { DEFAULTS } from "../model/defaults";
import { MIN_RUNNER_MAXIMUM_TIMEOUT_SECONDS } from "../model/gitlab-limits";
import {
  dnsLabel,
  gitlabUrl,
  groupOrProject,
  imageRepository,
  runnerTags,
  s3BucketName,
  s3ServerAddress,
} from "./formats";
import { ackServerlessSchema } from "./ack-schema";
import { managerSchema } from "./manager-schema";
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
const GCS_BUCKET = /^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/;
const AZURE_ACCOUNT = /^[a-z0-9]{3,24}$/;
const AZURE_CONTAINER = /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/;
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

const scopeSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("instance") }),
  z.strictObject({ type: z.literal("group"), group: groupOrProject.optional() }),
  z.strictObject({ type: z.literal("project"), project: groupOrProject }),
]);

const cacheSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("none") }),
  z.strictObject({
    type: z.literal("pvc"),
    size: quantity.default(DEFAULTS.fleet.cache.pvc.size),
    storageClass: dnsName.optional(),
    accessMode: z.enum(["ReadWriteOnce", "ReadWriteMany"]).default(DEFAULTS.fleet.cache.pvc.accessMode),
  }),
  z.strictObject({
    type: z.literal("s3"),
    serverAddress: s3ServerAddress,
    bucketName: s3BucketName,
    bucketLocation: z.string().min(1).optional(),
    insecure: z.boolean().default(DEFAULTS.fleet.cache.s3.insecure),
    pathStyle: z.boolean().optional(),
    path: z.string().optional(),
    shared: z.boolean().default(DEFAULTS.fleet.cache.s3.shared),
  }),
  z.strictObject({ type: z.literal("nas") }),
  z.strictObject({
    type: z.literal("oss"),
    path: z.string().optional(),
    shared: z.boolean().default(DEFAULTS.fleet.cache.s3.shared),
  }),
  z.strictObject({
    type: z.literal("gcs"),
    bucketName: z.string().regex(GCS_BUCKET, {
      message: "must be a GCS bucket name: 3-63 lower-case letters, digits, '-', '_' and '.'",
    }),
    path: z.string().optional(),
    shared: z.boolean().default(DEFAULTS.fleet.cache.gcs.shared),
  }),
  z.strictObject({
    type: z.literal("azure"),
    accountName: z.string().regex(AZURE_ACCOUNT, {
      message: "must be an Azure storage account name: 3-24 lower-case letters and digits",
    }),
    containerName: z.string().regex(AZURE_CONTAINER, {
      message: "must be an Azure container name: 3-63 lower-case letters, digits and single '-'",
    }),
    storageDomain: dnsName.optional(),
    /** Client id of the managed identity the manager and job pods act as (Azure Workload Identity). */
    clientId: z.uuid({ message: "must be the managed identity's client id (a UUID)" }),
    path: z.string().optional(),
    shared: z.boolean().default(DEFAULTS.fleet.cache.azure.shared),
  }),
]);

const buildsSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("emptyDir"),
    medium: z.enum(["", "Memory"]).default(DEFAULTS.fleet.builds.emptyDir.medium),
    sizeLimit: quantity.optional(),
  }),
  z.strictObject({
    type: z.literal("pvcPerJob"),
    size: quantity.default(DEFAULTS.fleet.builds.pvcPerJob.size),
    storageClass: dnsName.optional(),
  }),
  z.strictObject({
    type: z.literal("ephemeralPvc"),
    size: quantity.default(DEFAULTS.fleet.builds.ephemeralPvc.size),
    storageClass: dnsName,
  }),
]);

const dangerousSchema = z.strictObject({
  /** Privileged job containers so `docker:dind` services work. Needs isolated nodes. */
  dockerInDocker: z.boolean().default(DEFAULTS.fleet.dangerous.dockerInDocker),
  /** Mount the node's /var/run/docker.sock into jobs. Needs isolated nodes. */
  dockerSocket: z.boolean().default(DEFAULTS.fleet.dangerous.dockerSocket),
});

export const fleetSchema = z.strictObject({
  name: dnsLabel,
  description: z.string().max(255).optional(),
  scope: scopeSchema.default(() => ({ ...DEFAULTS.fleet.scope })),
  tags: runnerTags.default(() => [...DEFAULTS.fleet.tags]),
  /** Also pick up jobs without tags; defaults to true only when the fleet has no tags. */
  runUntagged: z.boolean().optional(),
  /** Only run jobs of protected branches and tags (access level ref_protected). */
  protected: z.boolean().default(DEFAULTS.fleet.protected),
  locked: z.boolean().default(DEFAULTS.fleet.locked),
  paused: z.boolean().default(DEFAULTS.fleet.paused),
  /** Longest job this fleet runs, in seconds. */
  maximumTimeout: z
    .number()
    .int()
    .min(MIN_RUNNER_MAXIMUM_TIMEOUT_SECONDS)
    .default(DEFAULTS.fleet.maximumTimeout),
  /** Change this value to replace the runner in GitLab and so rotate its authentication token. */
  tokenRotation: z.string().max(200).optional(),
  concurrent: z.number().int().min(1).max(500).default(DEFAULTS.fleet.concurrent),
  replicas: z.number().int().min(1).max(10).default(DEFAULTS.fleet.replicas),
  checkInterval: z.number().int().min(0).default(DEFAULTS.fleet.checkInterval),
  logLevel: z.enum(["debug", "info", "warn", "error", "fatal", "panic"]).default(DEFAULTS.fleet.logLevel),
  logFormat: z.enum(["runner", "text", "json"]).default(DEFAULTS.fleet.logFormat),
  outputLimit: z.number().int().min(1).optional(),
  requestConcurrency: z.number().int().min(1).default(DEFAULTS.fleet.requestConcurrency),
  environment: z
    .array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*=/, { message: "must be NAME=value" }))
    .optional(),
  featureFlags: featureFlags.optional(),
  preGetSourcesScript: z.string().optional(),
  preBuildScript: z.string().optional(),
  postBuildScript: z.string().optional(),
  buildsDir: z.string().startsWith("/").optional(),
  cacheDir: z.string().startsWith("/").optional(),
  cloneUrl: z.url().optional(),
  manager: managerSchema.prefault({}),
  kubernetes: kubernetesSettingsSchema.prefault({}),
  cache: cacheSchema.default({ type: DEFAULTS.fleet.cache.type }),
  builds: buildsSchema.default({ type: DEFAULTS.fleet.builds.type, ...DEFAULTS.fleet.builds.emptyDir }),
  /** Mount the registry credential for kaniko at /kaniko/.docker/config.json; jobs then need Pod Security baseline. */
  kaniko: z.boolean().default(DEFAULTS.fleet.kaniko),
  /** Mount the Git SSH key and known_hosts at /etc/gitlab-ci/git-ssh for jobs to copy. */
  gitSsh: z.boolean().default(DEFAULTS.fleet.gitSsh),
  /**
   * Pod Security level the fleet's jobs are held to. "restricted" runs job containers as uid 1000 with no
   * capabilities; "baseline" admits images that need root. kaniko and the dangerous modes raise it as needed.
   */
  jobPodSecurity: z.enum(["restricted", "baseline"]).default(DEFAULTS.fleet.jobPodSecurity),
  /** Give job pods a Kubernetes API token (their ServiceAccount's); off unless a fleet asks. */
  jobServiceAccountToken: z.boolean().default(DEFAULTS.fleet.jobServiceAccountToken),
  /** ECI options for job pods on ACK Serverless. */
  eci: z.strictObject({ spot: z.boolean().default(DEFAULTS.fleet.eci.spot) }).prefault({}),
  dangerous: dangerousSchema.prefault({}),
});

/** Plain (non-secret) top-level keys. */
export const plainConfigSchema = z.strictObject({
  cluster: clusterSchema.prefault({}),
  gitlab: gitlabSchema,
  fleets: z.array(fleetSchema).min(1, { message: "needs at least one runner fleet" }),
  registry: registrySchema.optional(),
  gitSsh: gitSshSchema.optional(),
  hostAliases: z.array(admissibleHostAliasSchema).default(() => [...DEFAULTS.hostAliases]),
  monitoring: monitoringSchema.prefault({}),
  runnerImage: runnerImageSchema.prefault({}),
  variables: z.array(variableSchema).default(() => [...DEFAULTS.variables]),
  applications: z.array(applicationSchema).default(() => [...DEFAULTS.applications]),
  /** Publish the CI/CD components in templates/ into this GitLab project; unset, nothing is published. */
  pipelineComponents: pipelineComponentsSchema.optional(),
});

export type PlainConfig = z.infer<typeof plainConfigSchema>;
export type FleetConfig = z.infer<typeof fleetSchema>;
export type CacheConfig = FleetConfig["cache"];
export type BuildsConfig = FleetConfig["builds"];

/** Secret top-level keys: always read with getSecret, kept as secret Outputs. */
export const SECRET_KEYS = [
  "gitlabToken",
  "kubeconfig",
  "registryPassword",
  "gitSshPrivateKey",
  "cacheS3AccessKey",
  "cacheS3SecretKey",
  "cacheGcsCredentials",
  "variableSecrets",
] as const;
export type SecretKey = (typeof SECRET_KEYS)[number];

export const PLAIN_KEYS = Object.keys(plainConfigSchema.shape) as (keyof PlainConfig)[];
