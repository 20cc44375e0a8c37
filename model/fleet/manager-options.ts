import type * as k8s from "@pulumi/kubernetes";
import type { Affinity, LabelSelector } from "../config-toml";

type PodSpec = k8s.types.input.core.v1.PodSpec;
type EnvVar = k8s.types.input.core.v1.EnvVar;
type Volume = k8s.types.input.core.v1.Volume;
type VolumeMount = k8s.types.input.core.v1.VolumeMount;

/** The runner image's flavours: alpine (the default) and ubuntu, each with its own gitlab-runner user. */
export type ManagerImageFlavor = "alpine" | "ubuntu";

/** uid/gid of the gitlab-runner user in each flavour of the runner image (the official chart's values). */
export const MANAGER_USER: Record<ManagerImageFlavor, { uid: number; gid: number }> = {
  alpine: { uid: 100, gid: 65533 },
  ubuntu: { uid: 999, gid: 999 },
};

export interface ManagerToleration {
  key?: string;
  operator?: "Exists" | "Equal";
  value?: string;
  effect?: "NoSchedule" | "PreferNoSchedule" | "NoExecute";
  tolerationSeconds?: number;
}

export interface ManagerTopologySpread {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: "DoNotSchedule" | "ScheduleAnyway";
  /** The fleet's manager pods when absent. */
  labelSelector?: LabelSelector;
  minDomains?: number;
  matchLabelKeys?: string[];
}

/** An extra environment variable: a literal, or a key of a Secret or ConfigMap in the manager namespace. */
export type ManagerEnvVar =
  | { name: string; value: string }
  | { name: string; secret: { name: string; key: string; optional?: boolean } }
  | { name: string; configMap: { name: string; key: string; optional?: boolean } };

/** An extra volume for the manager container; only sources Pod Security "restricted" admits. */
export interface ManagerVolume {
  name: string;
  mountPath: string;
  readOnly?: boolean;
  /** Exactly one source. */
  secret?: string;
  configMap?: string;
  emptyDir?: { sizeLimit?: string };
}

/** The manager pod options people know from the official Helm chart. */
export interface ManagerPodOptions {
  podAnnotations: Record<string, string>;
  podLabels: Record<string, string>;
  tolerations: ManagerToleration[];
  /** Replaces the platform's preference to spread replicas across nodes. */
  affinity?: Affinity;
  topologySpreadConstraints: ManagerTopologySpread[];
  priorityClassName?: string;
  env: ManagerEnvVar[];
  volumes: ManagerVolume[];
  /** Secrets in the manager namespace to pull the runner image with. */
  imagePullSecrets: string[];
}

export function extraEnv(env: ManagerEnvVar[]): EnvVar[] {
  return env.map((e): EnvVar => {
    if ("value" in e) return { name: e.name, value: e.value };
    if ("secret" in e) return { name: e.name, valueFrom: { secretKeyRef: { ...e.secret } } };
    return { name: e.name, valueFrom: { configMapKeyRef: { ...e.configMap } } };
  });
}

export function extraVolumes(volumes: ManagerVolume[]): { volumes: Volume[]; mounts: VolumeMount[] } {
  return {
    volumes: volumes.map((v): Volume => {
      if (v.secret !== undefined) return { name: v.name, secret: { secretName: v.secret } };
      if (v.configMap !== undefined) return { name: v.name, configMap: { name: v.configMap } };
      return { name: v.name, emptyDir: { ...v.emptyDir } };
    }),
    mounts: volumes.map((v) => ({ name: v.name, mountPath: v.mountPath, readOnly: v.readOnly })),
  };
}

/** Scheduling and pod-level options; the platform's anti-affinity applies unless the fleet sets its own affinity. */
export function schedulingOptions(
  options: ManagerPodOptions,
  defaultAffinity: k8s.types.input.core.v1.Affinity | undefined,
  managerLabels: Record<string, string>,
): Pick<
  PodSpec,
  "affinity" | "tolerations" | "topologySpreadConstraints" | "priorityClassName" | "imagePullSecrets"
> {
  return {
    affinity: options.affinity ?? defaultAffinity,
    tolerations: options.tolerations.length ? options.tolerations : undefined,
    topologySpreadConstraints: options.topologySpreadConstraints.length
      ? options.topologySpreadConstraints.map((c) => ({
          ...c,
          labelSelector: c.labelSelector ?? { matchLabels: managerLabels },
        }))
      : undefined,
    priorityClassName: options.priorityClassName,
    imagePullSecrets: options.imagePullSecrets.length
      ? options.imagePullSecrets.map((name) => ({ name }))
      : undefined,
  };
}
