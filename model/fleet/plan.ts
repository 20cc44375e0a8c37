import { type HostAlias, renderConfigToml, runnerVersion } from "../config-toml";
import type { PodSecurityLevel } from "../pod-security";
import { fleetJobPodSecurity, isDangerous, jobNamespace } from "./job-pods";
import { type ManagerSpecInput, type ManagerTimeouts, managerTimeouts } from "./manager-spec";
import { type ObjectNames, objectNames } from "./names";
import { type PolicyRule, rbacFeatures, runnerRoleRules } from "./rbac";
import { externalVolumeWarnings } from "./external-volumes";
import { buildRunnerConfig } from "./runner-config";
import type { FleetSpec, RunnerScope } from "./spec";
import { COMPONENTS, platformLabels } from "../labels";
import { eciPodAnnotations } from "../ack/eci";
import { runnerImage } from "../runner-image";
import { azureIdentityPodLabels, azureIdentityServiceAccountAnnotations } from "./azure-identity";
import type { ManagerPodOptions } from "./manager-schema";

/** What a fleet's plan depends on besides the fleet itself: the stack around it. */
export interface FleetContext {
  /** The stack's name; part of the runner's default description in GitLab. */
  stack: string;
  gitlab: {
    /** The instance URL (no /api/v4). */
    url: string;
    /** PEM of a private CA the manager must trust for GitLab; public, so a ConfigMap. */
    caCert?: string;
    /** Owner of group runners when the fleet's scope names none: numeric id or full path. */
    defaultGroup?: string | number;
  };
  managerNamespace: string;
  /** Stack-wide /etc/hosts entries for the manager and every job pod. */
  hostAliases: HostAlias[];
  /** The pinned runner image; each fleet's manager picks its flavour (and digest) of it. */
  runnerImage: { repository: string; version: string };
  /** Labels of a ServiceMonitor per manager, or none (the Prometheus Operator CRDs must exist). */
  serviceMonitorLabels?: Record<string, string>;
  /** ACK Serverless: managers and job pods run on ECI virtual nodes. */
  virtualNodes?: {
    /** The stack keeps an image cache; pods ask ECI to start from it. */
    imageCache: boolean;
    /** The helper image named in config.toml, so the image cache holds what jobs pull. */
    helperImage: string;
  };
  /** The stack's OSS cache bucket, for fleets whose cache is oss. */
  ossCache?: { serverAddress: string; bucketName: string; bucketLocation: string };
  /** Which credentials the stack holds; their values never enter the plan. */
  credentials: {
    /** A registry credential: every fleet pulls with it, kaniko fleets also push. */
    registry: boolean;
    /** A Git SSH key, mounted for fleets with gitSsh on. */
    gitSsh: boolean;
    /** S3 cache keys, used by fleets whose cache is S3. */
    cacheS3: boolean;
    /** A GCS service account key, used by fleets whose cache is GCS. */
    cacheGcs: boolean;
  };
}

/** The runner in GitLab, in the provider's terms. */
export interface GitLabRunnerPlan {
  runnerType: "instance_type" | "group_type" | "project_type";
  /** Numeric id or full path (looked up) of the owning group or project. */
  group?: string | number;
  project?: string | number;
  description: string;
  tagLists: string[];
  untagged: boolean;
  locked: boolean;
  paused: boolean;
  accessLevel: "not_protected" | "ref_protected";
  maximumTimeout: number;
  /** Changing it replaces the runner, which issues a new token. */
  tokenRotation?: string;
}

export interface ClaimPlan {
  name: string;
  accessMode: string;
  size: string;
  storageClass?: string;
}

/**
 * Everything a fleet consists of, decided in one place: the component creates exactly what is listed here.
 * Optional members are absent when the fleet does not use them.
 */
export interface FleetPlan {
  fleet: string;
  names: ObjectNames;
  managerNamespace: string;
  jobNamespace: string;
  /** The level the fleet's job pods are held to (its namespace may be more permissive if shared). */
  jobPodSecurity: PodSecurityLevel;
  runner: GitLabRunnerPlan;
  /** Secrets and ConfigMaps by the object they become; the token Secret always exists. */
  secrets: { registry: boolean; gitSsh: boolean; cacheS3: boolean; cacheGcs: boolean; gitlabCa?: string };
  claims: { cache?: ClaimPlan; builds: ClaimPlan[] };
  roleRules: PolicyRule[];
  /** Give job pods an API token (their ServiceAccount's). */
  jobServiceAccountToken: boolean;
  /** Annotations of the manager's and the jobs' ServiceAccounts (the Azure cache's workload identity). */
  serviceAccountAnnotations?: Record<string, string>;
  /** The rendered config.toml: no secret inside. */
  configToml: string;
  /** The manager StatefulSet's input, but for the runner revision that only GitLab knows. */
  manager: Omit<ManagerSpecInput, "runnerRevision" | "credentialsChecksum">;
  managerTimeouts: ManagerTimeouts;
  serviceMonitorLabels?: Record<string, string>;
  /** Said loudly at every run when the fleet can take over its nodes. */
  warning?: string;
  /** Job volumes naming Secrets, ConfigMaps or claims the fleet does not create (see externalVolumeWarnings). */
  externalVolumes: string[];
}

/** Decides what a fleet consists of. Pure: the same fleet and context give the same plan. */
export function planFleet(fleet: FleetSpec, ctx: FleetContext): FleetPlan {
  const names = objectNames(fleet.name);
  const jobs = jobNamespace(fleet);
  const jobPodSecurity = fleetJobPodSecurity(fleet);
  const secrets = {
    registry: ctx.credentials.registry,
    gitSsh: fleet.gitSsh && ctx.credentials.gitSsh,
    cacheS3: (fleet.cache.type === "s3" || fleet.cache.type === "oss") && ctx.credentials.cacheS3,
    cacheGcs: fleet.cache.type === "gcs" && ctx.credentials.cacheGcs,
    gitlabCa: ctx.gitlab.caCert,
  };
  const claims = claimsOf(fleet, names);
  const eci = ctx.virtualNodes;
  const configToml = renderConfigToml(
    buildRunnerConfig(fleet, {
      gitlabUrl: ctx.gitlab.url,
      gitlabCa: secrets.gitlabCa !== undefined,
      hostAliases: ctx.hostAliases,
      jobNamespace: jobs,
      jobPodSecurity,
      jobServiceAccount: names.jobServiceAccount,
      metricsPort: fleet.manager.metricsPort,
      registrySecret: secrets.registry ? names.registrySecret : undefined,
      gitSshSecret: secrets.gitSsh ? names.gitSshSecret : undefined,
      cacheClaim: claims.cache?.name ?? (fleet.cache.type === "nas" ? names.cacheClaim : undefined),
      cacheSubPath: fleet.cache.type === "nas" ? fleet.name : undefined,
      ossCache: fleet.cache.type === "oss" ? ctx.ossCache : undefined,
      podAnnotations: eci && eciPodAnnotations({ imageCache: eci.imageCache, spot: fleet.eci.spot }),
      helperImage: eci?.helperImage,
      buildsClaimPattern: claims.builds.length ? `${names.buildsClaimPrefix}$CI_CONCURRENT_ID` : undefined,
    }),
    {
      version: runnerVersion(ctx.runnerImage.version),
      header: [
        `Generated by gitlab-ci-platform for stack ${ctx.stack}, fleet "${fleet.name}". Do not edit this file:`,
        `change the fleet in Pulumi.${ctx.stack}.yaml and run pulumi up (pulumi up --refresh also undoes a hand edit).`,
      ],
    },
  );
  return {
    fleet: fleet.name,
    names,
    managerNamespace: ctx.managerNamespace,
    jobNamespace: jobs,
    jobPodSecurity,
    runner: gitlabRunnerPlan(fleet, ctx),
    secrets,
    claims,
    roleRules: runnerRoleRules(rbacFeatures(fleet.featureFlags, fleet.kubernetes)),
    jobServiceAccountToken: fleet.jobServiceAccountToken,
    serviceAccountAnnotations: azureIdentityServiceAccountAnnotations(fleet),
    configToml,
    manager: managerInput(fleet, ctx, names, secrets),
    managerTimeouts: managerTimeouts(fleet.maximumTimeout, fleet.replicas),
    serviceMonitorLabels: ctx.serviceMonitorLabels,
    warning: dangerWarning(fleet, jobs),
    externalVolumes: externalVolumes(fleet, jobs, names, secrets, claims),
  };
}

/** Whose runner it is, as people read it: `group platform`, `project platform/shop`, `instance`. */
export function runnerScopeLabel(runner: Pick<GitLabRunnerPlan, "runnerType" | "group" | "project">): string {
  switch (runner.runnerType) {
    case "instance_type":
      return "instance";
    case "group_type":
      return `group ${String(runner.group)}`;
    case "project_type":
      return `project ${String(runner.project)}`;
    default: {
      const unhandled: never = runner.runnerType;
      return unhandled;
    }
  }
}

const RUNNER_TYPE: Record<RunnerScope["type"], GitLabRunnerPlan["runnerType"]> = {
  instance: "instance_type",
  group: "group_type",
  project: "project_type",
};

function gitlabRunnerPlan(fleet: FleetSpec, ctx: FleetContext): GitLabRunnerPlan {
  const { scope } = fleet;
  return {
    runnerType: RUNNER_TYPE[scope.type],
    group: scope.type === "group" ? (scope.group ?? ctx.gitlab.defaultGroup) : undefined,
    project: scope.type === "project" ? scope.project : undefined,
    description: fleet.description ?? `${fleet.name} (gitlab-ci-platform, stack ${ctx.stack})`,
    tagLists: fleet.tags,
    untagged: fleet.runUntagged ?? fleet.tags.length === 0,
    locked: fleet.locked,
    paused: fleet.paused,
    accessLevel: fleet.protected ? "ref_protected" : "not_protected",
    maximumTimeout: fleet.maximumTimeout,
    tokenRotation: fleet.tokenRotation,
  };
}

function claimsOf(fleet: FleetSpec, names: ObjectNames): FleetPlan["claims"] {
  const cache =
    fleet.cache.type === "pvc"
      ? {
          name: names.cacheClaim,
          accessMode: fleet.cache.accessMode,
          size: fleet.cache.size,
          storageClass: fleet.cache.storageClass,
        }
      : undefined;
  const { builds } = fleet;
  const perJob =
    builds.type === "pvcPerJob"
      ? Array.from({ length: fleet.concurrent }, (_, i) => ({
          name: `${names.buildsClaimPrefix}${i}`,
          accessMode: "ReadWriteOnce",
          size: builds.size,
          storageClass: builds.storageClass,
        }))
      : [];
  return { cache, builds: perJob };
}

function managerInput(
  fleet: FleetSpec,
  ctx: FleetContext,
  names: ObjectNames,
  secrets: FleetPlan["secrets"],
): FleetPlan["manager"] {
  return {
    fleet: fleet.name,
    image: runnerImage(ctx.runnerImage, fleet.manager.imageFlavor, fleet.manager.imageDigest),
    imageFlavor: fleet.manager.imageFlavor,
    replicas: fleet.replicas,
    serviceAccount: names.managerServiceAccount,
    serviceName: names.service,
    configMap: names.configMap,
    tokenSecret: names.tokenSecret,
    cacheSecret: secrets.cacheS3 ? names.cacheSecret : undefined,
    cacheGcsSecret: secrets.cacheGcs ? names.cacheGcsSecret : undefined,
    caConfigMap: secrets.gitlabCa !== undefined ? names.caConfigMap : undefined,
    hostAliases: ctx.hostAliases,
    resources: { requests: fleet.manager.requests, limits: fleet.manager.limits },
    nodeSelector: fleet.manager.nodeSelector,
    pod: podOptions(fleet),
    metricsPort: fleet.manager.metricsPort,
    maximumTimeout: fleet.maximumTimeout,
    labels: managerLabels(fleet.name),
    podAnnotations:
      ctx.virtualNodes && eciPodAnnotations({ imageCache: ctx.virtualNodes.imageCache, spot: false }),
  };
}

function podOptions(fleet: FleetSpec): ManagerPodOptions {
  const m = fleet.manager;
  return {
    podAnnotations: m.podAnnotations,
    podLabels: { ...m.podLabels, ...azureIdentityPodLabels(fleet) },
    tolerations: m.tolerations,
    affinity: m.affinity,
    topologySpreadConstraints: m.topologySpreadConstraints,
    priorityClassName: m.priorityClassName,
    env: m.env,
    volumes: m.volumes,
    imagePullSecrets: m.imagePullSecrets,
  };
}

/** Labels of a fleet's manager pods, which its Service, PDB, NetworkPolicy and ServiceMonitor select. */
export function managerLabels(fleet: string): Record<string, string> {
  return platformLabels(COMPONENTS.runner, fleet);
}

function externalVolumes(
  fleet: FleetSpec,
  jobs: string,
  names: ObjectNames,
  secrets: FleetPlan["secrets"],
  claims: FleetPlan["claims"],
): string[] {
  const created = new Set([
    ...(secrets.registry ? [`Secret/${names.registrySecret}`] : []),
    ...(secrets.gitSsh ? [`Secret/${names.gitSshSecret}`] : []),
    ...[claims.cache, ...claims.builds]
      .filter((c) => c !== undefined)
      .map((c) => `PersistentVolumeClaim/${c.name}`),
  ]);
  return externalVolumeWarnings(fleet.name, jobs, fleet.kubernetes.volumes, (kind, name) =>
    created.has(`${kind}/${name}`),
  );
}

function dangerWarning(fleet: FleetSpec, jobs: string): string | undefined {
  if (!isDangerous(fleet)) return undefined;
  const mode = fleet.dangerous.dockerInDocker ? "privileged docker-in-docker" : "the node's docker.sock";
  return `fleet ${fleet.name}: ${mode} is on; its jobs can take over the nodes they run on (namespace ${jobs})`;
}
