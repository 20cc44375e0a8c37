import { admissibleHostAliasSchema } from "../model/config-toml";
import { platformMounts } from "../model/fleet/job-mounts";
import { type Problem, problemsFromZod } from "../model/problems";
import { PROJECT, PlainConfig } from "./schema";

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
