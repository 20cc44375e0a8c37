import * as pulumi from "@pulumi/pulumi";
import { checkRequiredInputs } from "./required-inputs";
import { hasPulumiType } from "./resource-type";
import { ScopedVariableFields, VariableResource, variableInputs } from "./variable-common";
import { checkVariableArgs } from "./variable-checks";
import { withProviderVersion } from "./version";

/** Inputs of one CI/CD variable on a group (`gitlab_group_variable`); projects in the group inherit it. */
export interface GroupVariableArgs extends ScopedVariableFields {
  /** Group ID or full path (`group/sub`). Changing it replaces the variable. */
  group: pulumi.Input<string>;
}

/** State of an existing group variable, used by `GroupVariable.get`. */
export type GroupVariableState = Partial<GroupVariableArgs>;

/**
 * One CI/CD variable on a group (`gitlab:index/groupVariable:GroupVariable`).
 * The resource ID is `<group>:<key>:<environmentScope>`. `value` is secret where the input is.
 */
export class GroupVariable extends VariableResource {
  public static readonly __pulumiType = "gitlab:index/groupVariable:GroupVariable";

  /** Looks up an existing variable by its ID `<group>:<key>:<environmentScope>`. */
  public static get(
    name: string,
    id: pulumi.Input<pulumi.ID>,
    state?: GroupVariableState,
    opts?: pulumi.CustomResourceOptions,
  ): GroupVariable {
    return new GroupVariable(name, state, { ...opts, id });
  }

  /** True when `obj` is a GroupVariable, even one loaded from another copy of these bindings. */
  public static override isInstance(obj: unknown): obj is GroupVariable {
    return hasPulumiType(obj, GroupVariable.__pulumiType);
  }

  declare public readonly environmentScope: pulumi.Output<string>;
  declare public readonly group: pulumi.Output<string>;
  declare public readonly hidden: pulumi.Output<boolean>;

  constructor(name: string, args: GroupVariableArgs, opts?: pulumi.CustomResourceOptions);
  constructor(
    name: string,
    argsOrState?: GroupVariableArgs | GroupVariableState,
    opts?: pulumi.CustomResourceOptions,
  );
  constructor(
    name: string,
    argsOrState?: GroupVariableArgs | GroupVariableState,
    opts?: pulumi.CustomResourceOptions,
  ) {
    const resourceInputs: pulumi.Inputs = {};
    opts = opts || {};
    const source = argsOrState as GroupVariableState | undefined;
    if (!opts.id) {
      checkRequiredInputs(source, ["group", "key", "value"], opts);
      if (source !== undefined && !opts.urn) {
        checkVariableArgs("gitlab.GroupVariable", name, source);
      }
    }
    Object.assign(resourceInputs, variableInputs(source, ["environmentScope", "group", "hidden"]));
    opts = withProviderVersion(opts);
    super(GroupVariable.__pulumiType, name, resourceInputs, opts);
  }
}
