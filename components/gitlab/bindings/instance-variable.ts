import * as pulumi from "@pulumi/pulumi";
import { invalidArgs, plainValue } from "./plain-input";
import { checkRequiredInputs } from "./required-inputs";
import { hasPulumiType } from "./resource-type";
import { VariableFields, VariableResource, variableInputs } from "./variable-common";
import { checkVariableArgs } from "./variable-checks";
import { withProviderVersion } from "./version";

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
export class InstanceVariable extends VariableResource {
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
    Object.assign(resourceInputs, variableInputs(source, []));
    opts = withProviderVersion(opts);
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
