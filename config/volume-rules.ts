import { admissibleHostAliasSchema } from "../model/config-toml";
import { type Problem, problemsFromZod } from "../model/problems";
import { FleetConfig, PROJECT, PlainConfig } from "./schema";

const BUILDS = "/builds";
const CACHE = "/cache";

/** Mount paths and volume names the platform itself adds to a fleet's job pods. */
function platformMounts(fleet: FleetConfig): { paths: Map<string, string>; names: Set<string> } {
  const paths = new Map<string, string>();
  const names = new Set<string>();
  paths.set(fleet.buildsDir ?? BUILDS, `builds (${fleet.builds.type})`);
  if (fleet.builds.type === "emptyDir") names.add("builds");
  if (fleet.builds.type === "ephemeralPvc") names.add("ephemeral-builds");
  if (fleet.cache.type === "pvc") paths.set(fleet.cacheDir ?? CACHE, "cache (pvc)");
  if (fleet.kaniko) paths.set("/kaniko/.docker", "kaniko's registry credential");
  if (fleet.gitSsh) paths.set("/etc/gitlab-ci/git-ssh", "the Git SSH key");
  if (fleet.dangerous.dockerSocket) {
    paths.set("/var/run/docker.sock", "the node's docker.sock");
    names.add("docker-sock");
  }
  return { paths, names };
}

/** A fleet's own volumes must not take a path or name the platform mounts (the job pod would be refused). */
export function volumeClashProblems(config: PlainConfig): Problem[] {
  return config.fleets.flatMap((fleet, i) => {
    const { paths, names } = platformMounts(fleet);
    const volumes = fleet.kubernetes.volumes ?? {};
    return Object.entries(volumes).flatMap(([kind, list]) =>
      ((list ?? []) as { name: string; mountPath: string }[]).flatMap((volume, j) => {
        const at = `${PROJECT}:fleets[${i}].kubernetes.volumes.${kind}[${j}]`;
        const problems: Problem[] = [];
        const owner = paths.get(volume.mountPath);
        if (owner) {
          problems.push({
            path: `${at}.mountPath`,
            reason: `${volume.mountPath} is where the platform mounts ${owner}`,
            fix: "mount it elsewhere, or change the fleet's builds/cache settings instead",
          });
        }
        if (names.has(volume.name)) {
          problems.push({
            path: `${at}.name`,
            reason: `the platform already has a volume named ${volume.name}`,
            fix: "give it another name",
          });
        }
        return problems;
      }),
    );
  });
}

/** Job pods' host aliases must be what Kubernetes admits (the runner passes them through unchecked). */
export function jobHostAliasProblems(config: PlainConfig): Problem[] {
  return config.fleets.flatMap((fleet, i) =>
    (fleet.kubernetes.hostAliases ?? []).flatMap((alias, j) => {
      const parsed = admissibleHostAliasSchema.safeParse(alias, { reportInput: true });
      if (parsed.success) return [];
      return problemsFromZod(parsed.error.issues, {
        prefix: `${PROJECT}:fleets[${i}].kubernetes.hostAliases[${j}]`,
      });
    }),
  );
}
