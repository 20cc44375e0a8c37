import type * as k8s from "@pulumi/kubernetes";
import type { ManagerEnvVar, ManagerImageFlavor, ManagerPodOptions, ManagerVolume } from "./manager-schema";

type PodSpec = k8s.types.input.core.v1.PodSpec;
type EnvVar = k8s.types.input.core.v1.EnvVar;
type Volume = k8s.types.input.core.v1.Volume;
type VolumeMount = k8s.types.input.core.v1.VolumeMount;

/** uid/gid of the gitlab-runner user in each flavour of the runner image (the official chart's values). */
export const MANAGER_USER: Record<ManagerImageFlavor, { uid: number; gid: number }> = {
  alpine: { uid: 100, gid: 65533 },
  ubuntu: { uid: 999, gid: 999 },
};

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
