import { z } from "../zod";
import { dnsName, featureFlags, kubernetesSettingsSchema, quantity } from "../config-toml";
import { DEFAULTS } from "../defaults";
import { dnsLabel, groupOrProject, runnerTags, s3BucketName, s3ServerAddress } from "../formats";
import { MIN_RUNNER_MAXIMUM_TIMEOUT_SECONDS } from "../gitlab-limits";
import { managerSpecSchema } from "./manager-schema";

/*
 * One runner fleet, in the platform's own terms: the runner in GitLab, its manager pods and the job pods they
 * start. This schema is the fleet's one contract: each field's type, format and default is stated here (defaults
 * from DEFAULTS), FleetSpec is what it outputs, and the stack file's `fleets[i]` is validated by it.
 */

const GCS_BUCKET = /^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/;
const AZURE_ACCOUNT = /^[a-z0-9]{3,24}$/;
const AZURE_CONTAINER = /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/;

/** Who may use the runner in GitLab: the whole instance, a group, or one project (numeric id or full path). */
const scopeSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("instance") }),
  z.strictObject({ type: z.literal("group"), group: groupOrProject.optional() }),
  z.strictObject({ type: z.literal("project"), project: groupOrProject }),
]);

/** Where a fleet's jobs keep their cache. */
const cacheSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("none") }),
  /** A claim every job of the fleet mounts at its cache directory. */
  z.strictObject({
    type: z.literal("pvc"),
    size: quantity.default(DEFAULTS.fleet.cache.pvc.size),
    storageClass: dnsName.optional(),
    accessMode: z.enum(["ReadWriteOnce", "ReadWriteMany"]).default(DEFAULTS.fleet.cache.pvc.accessMode),
  }),
  /** Any S3-compatible bucket; keys reach the manager through its environment, never config.toml. */
  z.strictObject({
    type: z.literal("s3"),
    /** host[:port], no scheme. */
    serverAddress: s3ServerAddress,
    bucketName: s3BucketName,
    bucketLocation: z.string().min(1).optional(),
    /** Plain http. */
    insecure: z.boolean().default(DEFAULTS.fleet.cache.s3.insecure),
    pathStyle: z.boolean().optional(),
    path: z.string().optional(),
    /** One cache for every runner of the fleet instead of one per runner. */
    shared: z.boolean().default(DEFAULTS.fleet.cache.s3.shared),
  }),
  /** The stack's NAS (ACK Serverless): a static PV/PVC pair per fleet, ReadWriteMany, mounted at the cache dir. */
  z.strictObject({ type: z.literal("nas") }),
  /** The stack's OSS bucket at its S3-compatible endpoint, with the key of the platform's RAM user for it. */
  z.strictObject({
    type: z.literal("oss"),
    path: z.string().optional(),
    shared: z.boolean().default(DEFAULTS.fleet.cache.s3.shared),
  }),
  /** A Google Cloud Storage bucket; the service account key is a file the manager mounts from a Secret. */
  z.strictObject({
    type: z.literal("gcs"),
    bucketName: z.string().regex(GCS_BUCKET, {
      message: "must be a GCS bucket name: 3-63 lower-case letters, digits, '-', '_' and '.'",
    }),
    path: z.string().optional(),
    shared: z.boolean().default(DEFAULTS.fleet.cache.gcs.shared),
  }),
  /**
   * An Azure Blob Storage container reached with Azure Workload Identity: no key anywhere, the managed identity
   * `clientId` (which holds "Storage Blob Data Contributor" on the container) is what the pods act as.
   */
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

/** Where jobs clone and build. */
const buildsSchema = z.discriminatedUnion("type", [
  /** Scratch space per job pod, optionally in memory. */
  z.strictObject({
    type: z.literal("emptyDir"),
    medium: z.enum(["", "Memory"]).default(DEFAULTS.fleet.builds.emptyDir.medium),
    sizeLimit: quantity.optional(),
  }),
  /** One claim per concurrent job (`$CI_CONCURRENT_ID`), so clones persist between jobs. */
  z.strictObject({
    type: z.literal("pvcPerJob"),
    size: quantity.default(DEFAULTS.fleet.builds.pvcPerJob.size),
    storageClass: dnsName.optional(),
  }),
  /** A generic ephemeral volume per job pod. */
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

export const fleetSpecSchema = z.strictObject({
  /** DNS label; names the runner, its Kubernetes objects and its config. */
  name: dnsLabel,
  /** Shown in GitLab. */
  description: z.string().max(255).optional(),
  scope: scopeSchema.default(() => ({ ...DEFAULTS.fleet.scope })),
  tags: runnerTags.default(() => [...DEFAULTS.fleet.tags]),
  /** Also pick up jobs without tags; when absent, only a fleet without tags does. */
  runUntagged: z.boolean().optional(),
  /** Only run jobs of protected branches and tags (access level ref_protected). */
  protected: z.boolean().default(DEFAULTS.fleet.protected),
  locked: z.boolean().default(DEFAULTS.fleet.locked),
  paused: z.boolean().default(DEFAULTS.fleet.paused),
  /** Longest job this fleet runs, in seconds (GitLab's minimum is 600); also sizes the manager's grace period. */
  maximumTimeout: z
    .number()
    .int()
    .min(MIN_RUNNER_MAXIMUM_TIMEOUT_SECONDS)
    .default(DEFAULTS.fleet.maximumTimeout),
  /** Change this value to replace the runner in GitLab and so rotate its authentication token. */
  tokenRotation: z.string().max(200).optional(),
  /** Jobs at once per manager replica. */
  concurrent: z.number().int().min(1).max(500).default(DEFAULTS.fleet.concurrent),
  /** Manager replicas, each its own runner manager in GitLab. */
  replicas: z.number().int().min(1).max(10).default(DEFAULTS.fleet.replicas),
  /** Seconds between requests for jobs. */
  checkInterval: z.number().int().min(0).default(DEFAULTS.fleet.checkInterval),
  logLevel: z.enum(["debug", "info", "warn", "error", "fatal", "panic"]).default(DEFAULTS.fleet.logLevel),
  logFormat: z.enum(["runner", "text", "json"]).default(DEFAULTS.fleet.logFormat),
  outputLimit: z.number().int().min(1).optional(),
  /** Job requests to GitLab in flight at once (the runner's cap; its adaptive concurrency stays below). */
  requestConcurrency: z.number().int().min(1).default(DEFAULTS.fleet.requestConcurrency),
  /** `NAME=value` entries for every job. */
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
  manager: managerSpecSchema.prefault({}),
  /** The executor's `[runners.kubernetes]` settings; `namespace` is the job namespace. */
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
  /** How job pods run on ECI (ACK Serverless virtual nodes); ignored on a cluster with nodes. */
  eci: z
    .strictObject({
      /** Preemptible (spot) instances at the market price, capped at the pay-as-you-go price. */
      spot: z.boolean().default(DEFAULTS.fleet.eci.spot),
    })
    .prefault({}),
  dangerous: dangerousSchema.prefault({}),
});

/** One fleet, validated: every default applied. */
export type FleetSpec = z.output<typeof fleetSpecSchema>;
export type RunnerScope = FleetSpec["scope"];
export type CacheSpec = FleetSpec["cache"];
export type BuildsSpec = FleetSpec["builds"];
