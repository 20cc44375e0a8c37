import type { KubernetesSettings } from "../../model/config-toml";
import { JOB_PATHS } from "../../model/fleet";
import type { PathSegment } from "../../model/problems";
import { REASONS } from "./reasons";

type Volumes = NonNullable<KubernetesSettings["volumes"]>;

/**
 * Hand-made volumes for what the platform creates itself become the fleet's switches: a registry credential
 * mounted for kaniko becomes `kaniko: true`, a cache claim at the cache directory `cache: {type: pvc}`. Each is
 * listed; other volumes naming Secrets or claims stay, and synth warns that the stack does not create them.
 */
export function platformVolumes(
  kubernetes: KubernetesSettings,
  fleet: Record<string, unknown>,
  at: readonly PathSegment[],
  note: (path: readonly PathSegment[], reason: string) => void,
): void {
  const volumes = kubernetes.volumes;
  if (!volumes) return;
  const cacheDir = typeof fleet.cacheDir === "string" ? fleet.cacheDir : JOB_PATHS.cache;
  take(
    volumes,
    "secret",
    (v) => v.mountPath.startsWith(JOB_PATHS.kanikoDocker),
    (index) => {
      fleet.kaniko = true;
      note([...at, "volumes", "secret", index], REASONS.kanikoVolume);
    },
  );
  if (fleet.cache === undefined) {
    take(
      volumes,
      "pvc",
      (v) => v.mountPath === cacheDir,
      (index) => {
        fleet.cache = { type: "pvc" };
        note([...at, "volumes", "pvc", index], REASONS.cacheClaimVolume);
      },
    );
  }
  for (const kind of Object.keys(volumes) as (keyof Volumes)[])
    if (volumes[kind]?.length === 0) delete volumes[kind];
  if (Object.keys(volumes).length === 0) delete kubernetes.volumes;
}

/** Removes the first volume of a kind that matches, reporting its original index. */
function take<K extends "secret" | "pvc">(
  volumes: Volumes,
  kind: K,
  matches: (volume: NonNullable<Volumes[K]>[number]) => boolean,
  found: (index: number) => void,
) {
  const list = volumes[kind] as NonNullable<Volumes[K]>[number][] | undefined;
  const index = list?.findIndex(matches) ?? -1;
  if (list && index >= 0) {
    list.splice(index, 1);
    found(index);
  }
}
