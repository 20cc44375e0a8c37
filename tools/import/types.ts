import type { Problem } from "../../model/problems";

/** A setting of the input that the stack configuration does not carry, and why. */
export interface NotCarried {
  path: string;
  reason: string;
}

export interface ImportResult {
  stackConfig: Record<string, unknown>;
  notCarried: NotCarried[];
  problems: Problem[];
}

/** The Pulumi project name: stack configuration keys are `gitlab-ci-platform:<key>`. */
export const CONFIG_NAMESPACE = "gitlab-ci-platform";

export function configKey(key: string): string {
  return `${CONFIG_NAMESPACE}:${key}`;
}
