import type { FleetSpec, RunnerScope } from "./spec";

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

/**
 * The runner of a fleet in GitLab: its scope, tags, protection, timeout and description. A group runner without a
 * group of its own belongs to the stack's default group.
 */
export function gitlabRunnerPlan(
  fleet: FleetSpec,
  stack: { name: string; defaultGroup?: string | number },
): GitLabRunnerPlan {
  const { scope } = fleet;
  return {
    runnerType: RUNNER_TYPE[scope.type],
    group: scope.type === "group" ? (scope.group ?? stack.defaultGroup) : undefined,
    project: scope.type === "project" ? scope.project : undefined,
    description: fleet.description ?? `${fleet.name} (gitlab-ci-platform, stack ${stack.name})`,
    tagLists: fleet.tags,
    untagged: fleet.runUntagged ?? fleet.tags.length === 0,
    locked: fleet.locked,
    paused: fleet.paused,
    accessLevel: fleet.protected ? "ref_protected" : "not_protected",
    maximumTimeout: fleet.maximumTimeout,
    tokenRotation: fleet.tokenRotation,
  };
}
