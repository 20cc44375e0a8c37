import type { KubernetesSettings } from "../config-toml";

type Volumes = NonNullable<KubernetesSettings["volumes"]>;
type Kind = "Secret" | "ConfigMap" | "PersistentVolumeClaim";

/** What the platform offers instead of a hand-made object, by where job pods mount it. */
const INSTEAD: { matches: (kind: Kind, mountPath: string) => boolean; use: string }[] = [
  {
    matches: (kind, path) => kind === "Secret" && path.startsWith("/kaniko/.docker"),
    use: "kaniko: true (the stack's registry credential)",
  },
  {
    matches: (kind) => kind === "PersistentVolumeClaim",
    use: "cache {type: pvc} or builds {type: pvcPerJob}",
  },
  {
    matches: (kind) => kind === "Secret",
    use: "gitSsh: true for Git credentials, or registry for registry logins",
  },
];

/**
 * Job-pod volumes that name a Secret, ConfigMap or claim the stack does not create in the job namespace: the
 * runner mounts them by name, so a job fails (or waits) at start unless someone creates them by hand. One
 * message per volume, naming the object and what the platform offers instead.
 */
export function externalVolumeWarnings(
  fleet: string,
  namespace: string,
  volumes: Volumes | undefined,
  exists: (kind: Kind, name: string) => boolean,
): string[] {
  const refs: { kind: Kind; name: string; mountPath: string }[] = [
    ...(volumes?.secret ?? []).map((v) => ({
      kind: "Secret" as const,
      name: v.name,
      mountPath: v.mountPath,
    })),
    ...(volumes?.configMap ?? []).map((v) => ({
      kind: "ConfigMap" as const,
      name: v.name,
      mountPath: v.mountPath,
    })),
    ...(volumes?.pvc ?? []).map((v) => ({
      kind: "PersistentVolumeClaim" as const,
      name: v.name,
      mountPath: v.mountPath,
    })),
  ];
  return refs
    .filter((ref) => !ref.name.includes("$") && !exists(ref.kind, ref.name))
    .map((ref) => {
      const instead = INSTEAD.find((i) => i.matches(ref.kind, ref.mountPath));
      return (
        `fleet ${fleet}: job pods mount ${ref.kind} "${ref.name}" at ${ref.mountPath}, which the stack does not ` +
        `create for this fleet in namespace ${namespace}; create it there before jobs run` +
        (instead ? `, or use ${instead.use}` : "")
      );
    });
}
