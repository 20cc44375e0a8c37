import {
  compareRunnerVersions,
  CONFIG_SECTION,
  type KeyBeyondVersion,
  keysBeyond,
  KUBERNETES_SECTION,
  RUNNER_SECTION,
  type RunnerVersion,
  runnerVersion,
  versionNeeded,
} from "../model/config-toml";
import { fleetJobPodSecurity, jobPodSecuritySettings } from "../model/fleet";
import { formatPath, type Problem } from "../model/problems";
import type { FleetSpec } from "../model/fleet/spec";
import { PROJECT, type PlainConfig } from "./schema";

/**
 * Every fleet's config.toml holds only keys its runner reads (runnerImage.version): a key of a later runner would
 * be ignored silently, and fail the runner's own lint. Checked here for the keys a fleet sets and for the ones the
 * platform writes because of a fleet's choices.
 */
export function runnerVersionProblems(config: PlainConfig): Problem[] {
  const version = runnerVersion(config.runnerImage.version);
  return config.fleets.flatMap((fleet, i) => [
    ...fleetKeyProblems(fleet, version, i),
    ...restrictedJobProblems(fleet, version, i),
  ]);
}

/** The fleet's fields that become config.toml keys share the runner's names; its cache is the stack's own shape. */
function fleetKeyProblems(fleet: FleetSpec, version: RunnerVersion, i: number): Problem[] {
  const { cache: _stackShaped, ...runnerFields } = fleet;
  return [
    ...keysBeyond(version, fleet, CONFIG_SECTION, []),
    ...keysBeyond(version, runnerFields, RUNNER_SECTION, ["runners"]),
  ].map(({ path, key, life }) => ({
    path: `${PROJECT}:fleets[${i}].${formatPath(path)}`,
    reason: `is ${key}, which GitLab Runner ${version} (runnerImage.version) does not read: it needs ${versionNeeded(life)}`,
    fix: `remove it, or set ${PROJECT}:runnerImage.version to ${versionNeeded(life)}`,
  }));
}

/** Job pods held to "restricted" get security contexts from the platform, seccomp profiles among them. */
function restrictedJobProblems(fleet: FleetSpec, version: RunnerVersion, i: number): Problem[] {
  const level = fleetJobPodSecurity(fleet);
  const settings = jobPodSecuritySettings({}, level);
  const missing: KeyBeyondVersion[] = keysBeyond(version, settings, KUBERNETES_SECTION, [
    "runners",
    "kubernetes",
  ]);
  if (missing.length === 0) return [];
  const latest = missing.reduce((a, b) =>
    compareRunnerVersions(a.life.introduced, b.life.introduced) >= 0 ? a : b,
  );
  const needed = versionNeeded(latest.life);
  return [
    {
      path: `${PROJECT}:fleets[${i}].jobPodSecurity`,
      reason:
        `holds job pods to "${level}", which needs ${missing.map((m) => m.key).join(", ")}: ` +
        `GitLab Runner ${version} (runnerImage.version) does not read them, so the pods would be refused`,
      fix: `set ${PROJECT}:runnerImage.version to ${needed}, or jobPodSecurity: baseline`,
    },
  ];
}
