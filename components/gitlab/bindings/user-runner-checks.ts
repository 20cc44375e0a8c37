import { MIN_RUNNER_MAXIMUM_TIMEOUT_SECONDS } from "../../../model/gitlab-limits";
import { ACCESS_LEVELS, RUNNER_TYPES } from "./enums";
import { invalidArgs, isOneOf, NOT_YET_KNOWN, plainValue } from "./plain-input";
import type { UserRunnerArgs } from "./user-runner";

/** Lower bound GitLab enforces on a runner's `maximum_timeout`, in seconds. */
export { MIN_RUNNER_MAXIMUM_TIMEOUT_SECONDS };
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
