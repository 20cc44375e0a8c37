import * as pulumi from "@pulumi/pulumi";
import { VARIABLE_TYPES, type VariableType } from "./enums";
import { invalidArgs, isOneOf, plainValue } from "./plain-input";

/** Characters GitLab accepts in a CI/CD variable key. */
export const VARIABLE_KEY_PATTERN = /^[a-zA-Z0-9_]+$/;
/** Longest CI/CD variable key GitLab accepts, in characters. */
export const MAX_VARIABLE_KEY_LENGTH = 255;

/** The inputs shared by project, group and instance variables that can be checked before deployment. */
export interface CheckedVariableInputs {
  key?: pulumi.Input<string>;
  masked?: pulumi.Input<boolean>;
  hidden?: pulumi.Input<boolean>;
  variableType?: pulumi.Input<VariableType>;
}

/** Checks key format, `hidden` needing `masked`, and `variableType` on values that are already known. */
export function checkVariableArgs(resourceType: string, name: string, args: CheckedVariableInputs): void {
  const fail = (problem: string): never => {
    throw invalidArgs(resourceType, name, problem);
  };

  const key = plainValue(args.key);
  if (typeof key === "string") {
    if (key.length < 1 || key.length > MAX_VARIABLE_KEY_LENGTH) {
      fail(`key must be 1 to ${MAX_VARIABLE_KEY_LENGTH} characters long, got ${key.length}`);
    }
    if (!VARIABLE_KEY_PATTERN.test(key)) {
      fail(`key "${key}" may only contain letters, digits and underscores`);
    }
  }

  const hidden = plainValue(args.hidden);
  const masked = plainValue(args.masked);
  if (hidden === true && (masked === undefined || masked === false)) {
    fail("hidden: true requires masked: true");
  }

  const variableType = plainValue(args.variableType);
  if (typeof variableType === "string" && !isOneOf(variableType, VARIABLE_TYPES)) {
    fail(`variableType must be one of ${VARIABLE_TYPES.join(", ")} (case-sensitive), got "${variableType}"`);
  }
}
