import { stringify } from "yaml";
import type { CacheSettings, HostAlias, KubernetesSettings, RunnerConfig, RunnerEntry } from "../config-toml";
import { type PodSecurityLevel, RESTRICTED_CONTAINER_CONTEXT } from "../pod-security";
import type { CacheVolume } from "./cache";
import {
  ADVANCED_POD_SPEC_FLAG,
  DATA_KEYS,
  ENV,
  JOB_PATHS,
  JOB_VOLUMES,
  MANAGER_PATHS,
  RESTRICTED_JOB_UID,
  SHUTDOWN_TIMEOUT_SECONDS,
} from "./constants";
import type { FleetSpec } from "./spec";

type Volumes = NonNullable<KubernetesSettings["volumes"]>;
type ContainerContext = NonNullable<KubernetesSettings["buildContainerSecurityContext"]>;

/** Everything besides the fleet's own settings that its config.toml depends on. */
export interface RunnerConfigContext {
  gitlabUrl: string;
  /** The manager trusts a private CA for GitLab. */
  gitlabCa: boolean;
  /** Stack-wide host aliases, added before the fleet's own. */
  hostAliases: HostAlias[];
  jobNamespace: string;
  /** The level the job namespace enforces; job pods are configured to meet it. */
  jobPodSecurity: PodSecurityLevel;
  jobServiceAccount: string;
  metricsPort: number;
  /** Names of Kubernetes objects in the job namespace, when the fleet uses them. */
  registrySecret?: string;
  gitSshSecret?: string;
  /** The `[runners.cache]` section the fleet's cache backend gives, for a cache in a bucket. */
  cache?: CacheSettings;
  /** The claim job pods mount at the cache directory, for a cache on a volume. */
  cacheVolume?: Pick<CacheVolume, "claim" | "subPath">;
  /** Labels on every job pod (the cache's workload identity); the platform's win over the fleet's own. */
  podLabels?: Record<string, string>;
  /** Annotations on every job pod (ECI's, on virtual nodes); the fleet's own win. */
  podAnnotations?: Record<string, string>;
  /** Helper image to name explicitly, unless the fleet names one. */
  helperImage?: string;
  /** Claim name pattern for one builds volume per concurrent job. */
  buildsClaimPattern?: string;
}

/**
 * The fleet's config.toml as a typed model: one `[[runners]]` entry with the Kubernetes executor. No secret is
 * inline: the token is a `${RUNNER_TOKEN}` reference, and a cache's credential reaches the manager as its backend
 * says (environment variables or a mounted file).
 */
export function buildRunnerConfig(fleet: FleetSpec, ctx: RunnerConfigContext): RunnerConfig {
  return {
    concurrent: fleet.concurrent,
    checkInterval: fleet.checkInterval,
    logLevel: fleet.logLevel,
    logFormat: fleet.logFormat,
    shutdownTimeout: SHUTDOWN_TIMEOUT_SECONDS,
    listenAddress: `:${ctx.metricsPort}`,
    runners: [runnerEntry(fleet, ctx)],
  };
}

function runnerEntry(fleet: FleetSpec, ctx: RunnerConfigContext): RunnerEntry {
  const buildsDir = fleet.buildsDir ?? JOB_PATHS.builds;
  return {
    name: fleet.name,
    url: ctx.gitlabUrl,
    token: `\${${ENV.runnerToken}}`,
    executor: "kubernetes",
    limit: fleet.concurrent,
    outputLimit: fleet.outputLimit,
    requestConcurrency: fleet.requestConcurrency,
    tlsCaFile: ctx.gitlabCa ? MANAGER_PATHS.caFile : undefined,
    buildsDir,
    cacheDir: fleet.cacheDir,
    cloneUrl: fleet.cloneUrl,
    environment: fleet.environment,
    preGetSourcesScript: fleet.preGetSourcesScript,
    preBuildScript: fleet.preBuildScript,
    postBuildScript: fleet.postBuildScript,
    featureFlags: featureFlags(fleet),
    cache: ctx.cache,
    kubernetes: kubernetesSettings(fleet, ctx, buildsDir),
  };
}

function featureFlags(fleet: FleetSpec): Record<string, boolean> | undefined {
  const flags = { ...fleet.featureFlags };
  // Without it the runner ignores pod_spec patches: the fleet's own and the ephemeral builds volume.
  if (fleet.builds.type === "ephemeralPvc" || fleet.kubernetes.podSpec?.length)
    flags[ADVANCED_POD_SPEC_FLAG] = true;
  return Object.keys(flags).length ? flags : undefined;
}

function kubernetesSettings(
  fleet: FleetSpec,
  ctx: RunnerConfigContext,
  buildsDir: string,
): KubernetesSettings {
  const user = fleet.kubernetes;
  return {
    ...user,
    ...jobPodSecuritySettings(user, ctx.jobPodSecurity),
    namespace: ctx.jobNamespace,
    serviceAccount: ctx.jobServiceAccount,
    automountServiceAccountToken: fleet.jobServiceAccountToken,
    privileged: fleet.dangerous.dockerInDocker ? true : undefined,
    imagePullSecrets: nonEmpty([
      ...(user.imagePullSecrets ?? []),
      ...(ctx.registrySecret ? [ctx.registrySecret] : []),
    ]),
    hostAliases: nonEmpty([...ctx.hostAliases, ...(user.hostAliases ?? [])]),
    podAnnotations: nonEmptyMap({ ...ctx.podAnnotations, ...user.podAnnotations }),
    podLabels: nonEmptyMap({ ...user.podLabels, ...ctx.podLabels }),
    helperImage: user.helperImage ?? ctx.helperImage,
    volumes: volumes(fleet, ctx, buildsDir),
    podSpec: nonEmpty([...(user.podSpec ?? []), ...ephemeralBuilds(fleet, buildsDir)]),
  };
}

/** Platform volumes (builds, cache, credentials, docker.sock) added after the fleet's own. */
function volumes(fleet: FleetSpec, ctx: RunnerConfigContext, buildsDir: string): Volumes | undefined {
  const v: Volumes = structuredClone(fleet.kubernetes.volumes ?? {});
  const add = <K extends keyof Volumes>(kind: K, volume: NonNullable<Volumes[K]>[number]) => {
    v[kind] = [...((v[kind] ?? []) as NonNullable<Volumes[K]>), volume] as Volumes[K];
  };
  if (fleet.builds.type === "emptyDir") {
    add("emptyDir", {
      name: JOB_VOLUMES.builds,
      mountPath: buildsDir,
      medium: fleet.builds.medium || undefined,
      sizeLimit: fleet.builds.sizeLimit,
    });
  }
  if (ctx.buildsClaimPattern) add("pvc", { name: ctx.buildsClaimPattern, mountPath: buildsDir });
  if (ctx.cacheVolume) {
    const mountPath = fleet.cacheDir ?? JOB_PATHS.cache;
    add("pvc", { name: ctx.cacheVolume.claim, mountPath, subPath: ctx.cacheVolume.subPath });
  }
  if (fleet.kaniko && ctx.registrySecret) {
    add("secret", {
      name: ctx.registrySecret,
      mountPath: JOB_PATHS.kanikoDocker,
      readOnly: true,
      items: { [DATA_KEYS.dockerConfig]: "config.json" },
    });
  }
  if (ctx.gitSshSecret)
    add("secret", { name: ctx.gitSshSecret, mountPath: JOB_PATHS.gitSsh, readOnly: true });
  if (fleet.dangerous.dockerInDocker) {
    // Every container of a job pod mounts the fleet's volumes: the dind service writes, the build container reads.
    add("emptyDir", { name: JOB_VOLUMES.dockerCerts, mountPath: JOB_PATHS.dockerCerts, medium: "Memory" });
  }
  if (fleet.dangerous.dockerSocket) {
    add("hostPath", {
      name: JOB_VOLUMES.dockerSocket,
      mountPath: JOB_PATHS.dockerSocket,
      hostPath: JOB_PATHS.dockerSocket,
    });
  }
  return Object.keys(v).length ? v : undefined;
}

/** A generic ephemeral volume per job pod, through the pod_spec patch (the runner has no volume type for it). */
function ephemeralBuilds(fleet: FleetSpec, buildsDir: string): NonNullable<KubernetesSettings["podSpec"]> {
  if (fleet.builds.type !== "ephemeralPvc") return [];
  const mount = { name: JOB_VOLUMES.ephemeralBuilds, mountPath: buildsDir };
  const patch = {
    containers: [
      { name: "build", volumeMounts: [mount] },
      { name: "helper", volumeMounts: [mount] },
    ],
    volumes: [
      {
        name: JOB_VOLUMES.ephemeralBuilds,
        ephemeral: {
          volumeClaimTemplate: {
            spec: {
              storageClassName: fleet.builds.storageClass,
              accessModes: ["ReadWriteOnce"],
              resources: { requests: { storage: fleet.builds.size } },
            },
          },
        },
      },
    ],
  };
  return [{ name: JOB_VOLUMES.ephemeralBuilds, patchType: "strategic", patch: stringify(patch) }];
}

/**
 * Security contexts that make job pods admissible in a "restricted" namespace. The fleet's own values win
 * field by field; baseline and privileged namespaces get no defaults (kaniko and dind need root).
 */
export function jobPodSecuritySettings(
  user: KubernetesSettings,
  level: PodSecurityLevel,
): Partial<KubernetesSettings> {
  if (level !== "restricted") return {};
  const container = (own: ContainerContext | undefined): ContainerContext => ({
    ...RESTRICTED_CONTAINER_CONTEXT,
    ...own,
  });
  return {
    podSecurityContext: {
      runAsNonRoot: true,
      runAsUser: RESTRICTED_JOB_UID,
      runAsGroup: RESTRICTED_JOB_UID,
      fsGroup: RESTRICTED_JOB_UID,
      seccompProfile: { type: "RuntimeDefault" },
      ...user.podSecurityContext,
    },
    buildContainerSecurityContext: container(user.buildContainerSecurityContext),
    helperContainerSecurityContext: container(user.helperContainerSecurityContext),
    serviceContainerSecurityContext: container(user.serviceContainerSecurityContext),
    initPermissionsContainerSecurityContext: container(user.initPermissionsContainerSecurityContext),
  };
}

function nonEmptyMap(map: Record<string, string>): Record<string, string> | undefined {
  return Object.keys(map).length ? map : undefined;
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length ? list : undefined;
}
