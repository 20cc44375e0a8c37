import * as pulumi from "@pulumi/pulumi";
import type { VariableType } from "./enums";

/** Fields every CI/CD variable has (instance, group, project). */
export interface VariableFields {
  /** Variable name: 1 to 255 characters from `[a-zA-Z0-9_]`. Changing it replaces the variable. */
  key: pulumi.Input<string>;
  /**
   * Variable value. The provider does not mark it secret (as the generated SDK, these bindings pass it as given):
   * pass a secret Output, and list "value" in additionalSecretOutputs, for a credential.
   */
  value: pulumi.Input<string>;
  /** Free-text description shown in the GitLab UI. */
  description?: pulumi.Input<string>;
  /**
   * Mask the value in job logs. GitLab rejects values that do not meet its masking rules (at least 8
   * characters, one line, no spaces) at `pulumi up`. Unset: GitLab's default, false.
   */
  masked?: pulumi.Input<boolean>;
  /** Expose the variable only to pipelines on protected branches and tags. Unset: GitLab's default, false. */
  protected?: pulumi.Input<boolean>;
  /** Treat the value literally, without `$VAR` expansion. Unset: GitLab's default, false. */
  raw?: pulumi.Input<boolean>;
  /** `env_var` (value in the variable) or `file` (value written to a file, path in the variable). Unset: `env_var`. */
  variableType?: pulumi.Input<VariableType>;
}

/** Fields of group and project variables on top of the common ones. */
export interface ScopedVariableFields extends VariableFields {
  /** Environments the variable applies to. Default `"*"` (all). Changing it replaces the variable. */
  environmentScope?: pulumi.Input<string>;
  /**
   * Hide the value in the UI; only allowed with `masked: true`. The value is never read back from GitLab.
   * Changing it replaces the variable.
   */
  hidden?: pulumi.Input<boolean>;
}

/**
 * The outputs every variable resource declares. `declare` keeps them out of the emitted class fields, which
 * would otherwise overwrite the Outputs the runtime assigns in the CustomResource constructor.
 */
export abstract class VariableResource extends pulumi.CustomResource {
  declare public readonly description: pulumi.Output<string>;
  declare public readonly key: pulumi.Output<string>;
  declare public readonly masked: pulumi.Output<boolean>;
  declare public readonly protected: pulumi.Output<boolean>;
  declare public readonly raw: pulumi.Output<boolean>;
  /** Variable value: secret where the input was. */
  declare public readonly value: pulumi.Output<string>;
  declare public readonly variableType: pulumi.Output<string>;
}

/**
 * Every state key of a variable resource, as the generated SDK registers them (unset ones as `undefined`, so
 * their outputs resolve). `extraKeys` are the resource's own fields.
 */
export function variableInputs(
  source: (Partial<ScopedVariableFields> & Record<string, unknown>) | undefined,
  extraKeys: readonly string[],
): pulumi.Inputs {
  const keys = ["description", "key", "masked", "protected", "raw", "value", "variableType", ...extraKeys];
  return Object.fromEntries(keys.sort().map((k) => [k, source?.[k]]));
}
