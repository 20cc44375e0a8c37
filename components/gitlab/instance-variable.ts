import * as pulumi from "@pulumi/pulumi";
import type { VariableType } from "./enums";
import { invalidArgs, plainValue } from "./plain-input";
import { checkRequiredInputs } from "./required-inputs";
import { hasPulumiType } from "./resource-type";
import { secretInput, withSecretOutputs } from "./secrets";
import { checkVariableArgs } from "./variable-checks";
import { withProviderVersion } from "./version";

/** Longest instance variable description GitLab accepts, in characters. */
export const MAX_INSTANCE_VARIABLE_DESCRIPTION_LENGTH = 255;

/** Inputs of one instance-wide CI/CD variable (`gitlab_instance_variable`); needs an admin token. */
export interface InstanceVariableArgs {
  /** Variable name: 1 to 255 characters from `[a-zA-Z0-9_]`. Changing it replaces the variable. */
  key: pulumi.Input<string>;
  /** Variable value. Always registered as a secret by these bindings. */
  value: pulumi.Input<string>;
  /** Free-text description, at most 255 characters. */
  description?: pulumi.Input<string>;
  /** Mask the value in job logs; GitLab rejects values that do not meet its masking rules. Default false. */
  masked?: pulumi.Input<boolean>;
  /** Expose the variable only to pipelines on protected branches and tags. Default false. */
  protected?: pulumi.Input<boolean>;
  /** Treat the value literally, without `$VAR` expansion. Default false. */
  raw?: pulumi.Input<boolean>;
  /** `env_var` (value in the variable) or `file` (value written to a file, path in the variable). Default `env_var`. */
  variableType?: pulumi.Input<VariableType>;
}

/** State of an existing instance variable, used by `InstanceVariable.get`. */
export type InstanceVariableState = Partial<InstanceVariableArgs>;

/**
 * One instance-wide CI/CD variable (`gitlab:index/instanceVariable:InstanceVariable`).
 * The resource ID is the key. `value` is secret in inputs and state.
 */
export class InstanceVariable extends pulumi.CustomResource {
  public static readonly __pulumiType = "gitlab:index/instanceVariable:InstanceVariable";

  /** Looks up an existing instance variable by its key. */
  public static get(
    name: string,
    id: pulumi.Input<pulumi.ID>,
    state?: InstanceVariableState,
    opts?: pulumi.CustomResourceOptions,
  ): InstanceVariable {
    return new InstanceVariable(name, state, { ...opts, id });
  }

  /** True when `obj` is an InstanceVariable, even one loaded from another copy of these bindings. */
  public static override isInstance(obj: unknown): obj is InstanceVariable {
    return hasPulumiType(obj, InstanceVariable.__pulumiType);
  }

  declare public readonly description: pulumi.Output<string>;
  declare public readonly key: pulumi.Output<string>;
  declare public readonly masked: pulumi.Output<boolean>;
  declare public readonly protected: pulumi.Output<boolean>;
  declare public readonly raw: pulumi.Output<boolean>;
  /** Variable value, secret. */
  declare public readonly value: pulumi.Output<string>;
  declare public readonly variableType: pulumi.Output<string>;

  constructor(name: string, args: InstanceVariableArgs, opts?: pulumi.CustomResourceOptions);
  constructor(
    name: string,
    argsOrState?: InstanceVariableArgs | InstanceVariableState,
    opts?: pulumi.CustomResourceOptions,
  );
  constructor(
    name: string,
    argsOrState?: InstanceVariableArgs | InstanceVariableState,
    opts?: pulumi.CustomResourceOptions,
  ) {
    const resourceInputs: pulumi.Inputs = {};
    opts = opts || {};
    const source = argsOrState as InstanceVariableState | undefined;
    if (!opts.id) {
      checkRequiredInputs(source, ["key", "value"], opts);
      if (source !== undefined && !opts.urn) {
        checkVariableArgs("gitlab.InstanceVariable", name, source);
        checkDescriptionLength(name, source);
      }
    }
    resourceInputs["description"] = source?.description;
    resourceInputs["key"] = source?.key;
    resourceInputs["masked"] = source?.masked;
    resourceInputs["protected"] = source?.protected;
    resourceInputs["raw"] = source?.raw;
    resourceInputs["value"] = secretInput(source?.value);
    resourceInputs["variableType"] = source?.variableType;
    opts = withSecretOutputs(withProviderVersion(opts), ["value"]);
    super(InstanceVariable.__pulumiType, name, resourceInputs, opts);
  }
}

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
