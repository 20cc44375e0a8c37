import { z } from "../zod";
import { dnsName, featureFlags, kubernetesSettingsSchema, quantity } from "../config-toml";
import { DEFAULTS } from "../defaults";
import { dnsLabel, groupOrProject, runnerTags } from "../formats";
import { MIN_RUNNER_MAXIMUM_TIMEOUT_SECONDS } from "../gitlab-limits";
import { cacheSpecSchema } from "./cache";
import { managerSpecSchema } from "./manager-schema";

/*
 * One runner fleet, in the platform's own terms: the runner in GitLab, its manager pods and the job pods they
 * start. This schema is the fleet's one contract: each field's type, format and default is stated here (defaults
 * from DEFAULTS; a cache backend's fields in its own module), FleetSpec is what it outputs, and the stack file's
 * `fleets[i]` is validated by it.
 */

/** Who may use the runner in GitLab: the whole instance, a group, or one project (numeric id or full path). */
const scopeSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("instance") }),
  z.strictObject({ type: z.literal("group"), group: groupOrProject.optional() }),
  z.strictObject({ type: z.literal("project"), project: groupOrProject }),
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
  /** Where the fleet's jobs keep their cache: one member per backend (model/fleet/cache/). */
  cache: cacheSpecSchema,
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
export type { CacheSpec } from "./cache";
export type BuildsSpec = FleetSpec["builds"];
