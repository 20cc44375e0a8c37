import type * as pulumi from "@pulumi/pulumi";
import { ACCESS_LEVELS, type AccessLevel, RUNNER_TYPES, type RunnerType } from "./enums";
import { invalidArgs, isOneOf, NOT_YET_KNOWN, plainValue } from "./plain-input";

/** Inputs of a runner created through GitLab's user-scoped runner API (`gitlab_user_runner`). */
export interface UserRunnerArgs {
  /**
   * Scope of the runner. `group_type` needs `groupId`, `project_type` needs `projectId`, `instance_type`
   * takes neither and needs an admin token. Changing it replaces the runner.
   */
  runnerType: pulumi.Input<RunnerType>;
  /** Numeric ID of the owning group. Set if and only if `runnerType` is `group_type`. Changing it replaces the runner. */
  groupId?: pulumi.Input<number>;
  /** Numeric ID of the owning project. Set if and only if `runnerType` is `project_type`. Changing it replaces the runner. */
  projectId?: pulumi.Input<number>;
  /** Which refs the runner may run jobs for. Unset: GitLab's default, `not_protected`. */
  accessLevel?: pulumi.Input<AccessLevel>;
  /** Free-text description shown in the GitLab UI. */
  description?: pulumi.Input<string>;
  /** Lock the runner to the project(s) it is currently assigned to. Unset: GitLab decides. */
  locked?: pulumi.Input<boolean>;
  /** Free-form note for administrators, at most 1024 characters. */
  maintenanceNote?: pulumi.Input<string>;
  /** Upper limit for a job's timeout on this runner, in seconds; at least 600. Unset: no runner-level limit. */
  maximumTimeout?: pulumi.Input<number>;
  /** When true, the runner does not pick up new jobs. Unset: GitLab decides (not paused). */
  paused?: pulumi.Input<boolean>;
  /** Runner tags; a set, so order does not matter. */
  tagLists?: pulumi.Input<pulumi.Input<string>[]>;
  /** Whether the runner also runs jobs that have no tags. Unset: GitLab decides. */
  untagged?: pulumi.Input<boolean>;
}

/** State of an existing runner, used by `UserRunner.get`. */
export interface UserRunnerState extends Partial<UserRunnerArgs> {
  /** Runner authentication token (`glrt-…`); returned only at creation, empty after import or `get`. */
  token?: pulumi.Input<string>;
}

/** Lower bound GitLab enforces on a runner's `maximum_timeout`, in seconds (the provider's schema says 600). */
export const MIN_RUNNER_MAXIMUM_TIMEOUT_SECONDS = 600;
/** Upper bound on `maintenance_note`, in characters. */
export const MAX_RUNNER_MAINTENANCE_NOTE_LENGTH = 1024;

const OWNER_FIELD_BY_RUNNER_TYPE = {
  instance_type: undefined,
  group_type: "groupId",
  project_type: "projectId",
} as const;

/**
 * Checks the provider's own UserRunner rules on values that are already known, so mistakes fail at
 * `pulumi preview` instead of midway through `pulumi up`. Inputs that are Outputs are left to the provider.
 */
export function checkUserRunnerArgs(name: string, args: UserRunnerArgs): void {
  const fail = (problem: string): never => {
    throw invalidArgs("gitlab.UserRunner", name, problem);
  };

  const runnerType = plainValue(args.runnerType);
  if (typeof runnerType === "string") {
    const normalized = runnerType.toLowerCase();
    if (!isOneOf(normalized, RUNNER_TYPES)) {
      fail(`runnerType must be one of ${RUNNER_TYPES.join(", ")}, got "${runnerType}"`);
    } else {
      checkOwner(normalized, args, fail);
    }
  }

  const accessLevel = plainValue(args.accessLevel);
  if (typeof accessLevel === "string" && !isOneOf(accessLevel.toLowerCase(), ACCESS_LEVELS)) {
    fail(`accessLevel must be one of ${ACCESS_LEVELS.join(", ")}, got "${accessLevel}"`);
  }

  const maximumTimeout = plainValue(args.maximumTimeout);
  if (
    typeof maximumTimeout === "number" &&
    !(Number.isInteger(maximumTimeout) && maximumTimeout >= MIN_RUNNER_MAXIMUM_TIMEOUT_SECONDS)
  ) {
    fail(
      `maximumTimeout must be a whole number of seconds >= ${MIN_RUNNER_MAXIMUM_TIMEOUT_SECONDS}, got ${maximumTimeout}`,
    );
  }

  const maintenanceNote = plainValue(args.maintenanceNote);
  // Counted in code points, as the provider counts runes.
  if (
    typeof maintenanceNote === "string" &&
    [...maintenanceNote].length > MAX_RUNNER_MAINTENANCE_NOTE_LENGTH
  ) {
    fail(`maintenanceNote must be at most ${MAX_RUNNER_MAINTENANCE_NOTE_LENGTH} characters`);
  }
}

/** groupId is set iff group_type, projectId iff project_type; instance_type takes neither. */
function checkOwner(
  runnerType: keyof typeof OWNER_FIELD_BY_RUNNER_TYPE,
  args: UserRunnerArgs,
  fail: (problem: string) => never,
): void {
  const required = OWNER_FIELD_BY_RUNNER_TYPE[runnerType];
  for (const field of ["groupId", "projectId"] as const) {
    const value = plainValue(args[field]);
    if (value === NOT_YET_KNOWN) {
      continue;
    }
    if (field === required && value === undefined) {
      fail(`${field} is required when runnerType is "${runnerType}"`);
    }
    if (field !== required && value !== undefined) {
      fail(`${field} must not be set when runnerType is "${runnerType}"`);
    }
  }
}
