import { type CacheSettings, type HostAlias, renderConfigToml, runnerVersion } from "../config-toml";
import type { PodSecurityLevel } from "../pod-security";
import { COMPONENTS, platformLabels } from "../labels";
import { eciPodAnnotations } from "../ack/eci";
import { runnerImage } from "../runner-image";
import { type CacheContext, type CacheVolume, cacheBackend, type PodIdentity } from "./cache";
import type { ClaimPlan } from "./claim";
import { type CredentialSecretPlan, credentialSecrets } from "./credential-secrets";
import { externalVolumeWarnings } from "./external-volumes";
import { type GitLabRunnerPlan, gitlabRunnerPlan } from "./gitlab-runner-plan";
import { fleetJobPodSecurity, isDangerous, jobNamespace } from "./job-pods";
import { type ManagerSpecInput, type ManagerTimeouts, managerTimeouts } from "./manager-spec";
import type { ManagerPodOptions } from "./manager-schema";
import { type ObjectNames, objectNames } from "./names";
import { type PolicyRule, rbacFeatures, runnerRoleRules } from "./rbac";
import { buildRunnerConfig } from "./runner-config";
import type { FleetSpec } from "./spec";

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
  ossCache?: CacheContext["ossCache"];
  /** The stack's registry: every fleet pulls with its credential, kaniko fleets also push (password: registryPassword). */
  registry?: { server: string; username: string };
  /** known_hosts of the Git servers jobs clone from over SSH (the key: gitSshPrivateKey). */
  gitSsh?: { knownHosts: string };
  /** Names of the credential values the stack holds (see RunnerFleetArgs.credentials); never the values. */
  credentials: readonly string[];
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
  /** The Secrets holding credentials, each with where its values come from; the token Secret always exists. */
  credentials: CredentialSecretPlan[];
  /** The PEM of the CA ConfigMap the manager mounts, for a GitLab with a private CA. */
  gitlabCa?: string;
  claims: { cache?: ClaimPlan; builds: ClaimPlan[] };
  roleRules: PolicyRule[];
  /** Give job pods an API token (their ServiceAccount's). */
  jobServiceAccountToken: boolean;
  /** Annotations of the manager's and the jobs' ServiceAccounts (the cache's workload identity). */
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

/** What the fleet's cache backend makes of its cache: the parts the rest of the plan places. */
interface CachePlan {
  section?: CacheSettings;
  volume?: CacheVolume;
  identity?: PodIdentity;
}

/** Decides what a fleet consists of. Pure: the same fleet and context give the same plan. */
export function planFleet(fleet: FleetSpec, ctx: FleetContext): FleetPlan {
  const names = objectNames(fleet.name);
  const jobs = jobNamespace(fleet);
  const backend = cacheBackend(fleet.cache);
  const cacheContext = { fleet: fleet.name, cacheClaim: names.cacheClaim, ossCache: ctx.ossCache };
  const cache: CachePlan = {
    section: backend.section?.(fleet.cache, cacheContext),
    volume: backend.volume?.(fleet.cache, cacheContext),
    identity: backend.identity?.(fleet.cache),
  };
  const credentials = credentialSecrets(
    fleet.name,
    names,
    { manager: ctx.managerNamespace, jobs },
    {
      registry: ctx.registry,
      gitSsh: fleet.gitSsh ? ctx.gitSsh : undefined,
      cache: backend.credential,
      held: new Set(ctx.credentials),
    },
  );
  const claims = { cache: cache.volume?.created, builds: buildsClaims(fleet, names) };
  return {
    fleet: fleet.name,
    names,
    managerNamespace: ctx.managerNamespace,
    jobNamespace: jobs,
    jobPodSecurity: fleetJobPodSecurity(fleet),
    runner: gitlabRunnerPlan(fleet, { name: ctx.stack, defaultGroup: ctx.gitlab.defaultGroup }),
    credentials,
    gitlabCa: ctx.gitlab.caCert,
    claims,
    roleRules: runnerRoleRules(rbacFeatures(fleet.featureFlags, fleet.kubernetes)),
    jobServiceAccountToken: fleet.jobServiceAccountToken,
    serviceAccountAnnotations: cache.identity?.serviceAccountAnnotations,
    configToml: configToml(fleet, ctx, { names, jobs, cache, credentials, claims }),
    manager: managerInput(fleet, ctx, names, credentials, cache.identity),
    managerTimeouts: managerTimeouts(fleet.maximumTimeout, fleet.replicas),
    serviceMonitorLabels: ctx.serviceMonitorLabels,
    warning: dangerWarning(fleet, jobs),
    externalVolumes: externalVolumes(fleet, jobs, credentials, claims),
  };
}

/** The fleet's config.toml, with the names of the objects the plan creates for its jobs. */
function configToml(
  fleet: FleetSpec,
  ctx: FleetContext,
  planned: {
    names: ObjectNames;
    jobs: string;
    cache: CachePlan;
    credentials: CredentialSecretPlan[];
    claims: FleetPlan["claims"];
  },
): string {
  const { names, jobs, cache, credentials, claims } = planned;
  const created = (name: string) => credentials.some((secret) => secret.name === name);
  const eci = ctx.virtualNodes;
  const config = buildRunnerConfig(fleet, {
    gitlabUrl: ctx.gitlab.url,
    gitlabCa: ctx.gitlab.caCert !== undefined,
    hostAliases: ctx.hostAliases,
    jobNamespace: jobs,
    jobPodSecurity: fleetJobPodSecurity(fleet),
    jobServiceAccount: names.jobServiceAccount,
    metricsPort: fleet.manager.metricsPort,
    registrySecret: created(names.registrySecret) ? names.registrySecret : undefined,
    gitSshSecret: created(names.gitSshSecret) ? names.gitSshSecret : undefined,
    cache: cache.section,
    cacheVolume: cache.volume,
    podLabels: cache.identity?.podLabels,
    podAnnotations: eci && eciPodAnnotations({ imageCache: eci.imageCache, spot: fleet.eci.spot }),
    helperImage: eci?.helperImage,
    buildsClaimPattern: claims.builds.length ? `${names.buildsClaimPrefix}$CI_CONCURRENT_ID` : undefined,
  });
  return renderConfigToml(config, {
    version: runnerVersion(ctx.runnerImage.version),
    header: [
      `Generated by gitlab-ci-platform for stack ${ctx.stack}, fleet "${fleet.name}". Do not edit this file:`,
      `change the fleet in Pulumi.${ctx.stack}.yaml and run pulumi up (pulumi up --refresh also undoes a hand edit).`,
    ],
  });
}

/** One ReadWriteOnce claim per concurrent job for pvcPerJob builds, mounted by `$CI_CONCURRENT_ID`. */
function buildsClaims(fleet: FleetSpec, names: ObjectNames): ClaimPlan[] {
  const { builds } = fleet;
  if (builds.type !== "pvcPerJob") return [];
  return Array.from({ length: fleet.concurrent }, (_, i) => ({
    name: `${names.buildsClaimPrefix}${i}`,
    accessMode: "ReadWriteOnce",
    size: builds.size,
    storageClass: builds.storageClass,
  }));
}

function managerInput(
  fleet: FleetSpec,
  ctx: FleetContext,
  names: ObjectNames,
  credentials: CredentialSecretPlan[],
  identity: PodIdentity | undefined,
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
    credentials: credentials.flatMap((secret) =>
      secret.manager ? [{ secret: secret.name, read: secret.manager }] : [],
    ),
    caConfigMap: ctx.gitlab.caCert !== undefined ? names.caConfigMap : undefined,
    hostAliases: ctx.hostAliases,
    resources: { requests: fleet.manager.requests, limits: fleet.manager.limits },
    nodeSelector: fleet.manager.nodeSelector,
    pod: podOptions(fleet, identity),
    metricsPort: fleet.manager.metricsPort,
    maximumTimeout: fleet.maximumTimeout,
    labels: managerLabels(fleet.name),
    podAnnotations:
      ctx.virtualNodes && eciPodAnnotations({ imageCache: ctx.virtualNodes.imageCache, spot: false }),
  };
}

function podOptions(fleet: FleetSpec, identity: PodIdentity | undefined): ManagerPodOptions {
  const m = fleet.manager;
  return {
    podAnnotations: m.podAnnotations,
    podLabels: { ...m.podLabels, ...identity?.podLabels },
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
  credentials: CredentialSecretPlan[],
  claims: FleetPlan["claims"],
): string[] {
  const created = new Set([
    ...credentials.filter((secret) => secret.namespace === jobs).map((secret) => `Secret/${secret.name}`),
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
