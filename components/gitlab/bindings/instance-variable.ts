import { invalidArgs, plainValue } from "./plain-input";
import { type VariableFields, variableResource } from "./variable-resource";

/** Longest instance variable description GitLab accepts, in characters. */
export const MAX_INSTANCE_VARIABLE_DESCRIPTION_LENGTH = 255;

/** Inputs of one instance-wide CI/CD variable (`gitlab_instance_variable`); needs an admin token. */
/** `description` is at most 255 characters here. */
export type InstanceVariableArgs = VariableFields;

/** State of an existing instance variable, used by `InstanceVariable.get`. */
export type InstanceVariableState = Partial<InstanceVariableArgs>;

/**
 * One instance-wide CI/CD variable (`gitlab:index/instanceVariable:InstanceVariable`).
 * The resource ID is the key. `value` is secret where the input is.
 */
export class InstanceVariable extends variableResource<InstanceVariableArgs>({
  type: "gitlab:index/instanceVariable:InstanceVariable",
  label: "gitlab.InstanceVariable",
  ownKeys: [],
  required: ["key", "value"],
  check: checkDescriptionLength,
}) {}

function checkDescriptionLength(name: string, args: InstanceVariableState): void {
  const description = plainValue(args.description);
  if (typeof description === "string" && [...description].length > MAX_INSTANCE_VARIABLE_DESCRIPTION_LENGTH) {
    throw invalidArgs(
      "gitlab.InstanceVariable",
      name,
      `description must be at most ${MAX_INSTANCE_VARIABLE_DESCRIPTION_LENGTH} characters`,
    );
  }
}
