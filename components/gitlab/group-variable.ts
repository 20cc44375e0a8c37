import * as pulumi from "@pulumi/pulumi";
import type { VariableType } from "./enums";
import { checkRequiredInputs } from "./required-inputs";
import { hasPulumiType } from "./resource-type";
import { secretInput, withSecretOutputs } from "./secrets";
import { checkVariableArgs } from "./variable-checks";
import { withProviderVersion } from "./version";

/** Inputs of one CI/CD variable on a group (`gitlab_group_variable`); projects in the group inherit it. */
export interface GroupVariableArgs {
  /** Group ID or full path (`group/sub`). Changing it replaces the variable. */
  group: pulumi.Input<string>;
  /** Variable name: 1 to 255 characters from `[a-zA-Z0-9_]`. Changing it replaces the variable. */
  key: pulumi.Input<string>;
  /** Variable value. Always registered as a secret by these bindings. */
  value: pulumi.Input<string>;
  /** Free-text description shown in the GitLab UI. */
  description?: pulumi.Input<string>;
  /**
   * Environments the variable applies to. Default `"*"` (all); other scopes need GitLab Premium.
   * Whether a change replaces the variable is not confirmed upstream; plan for a replace.
   */
  environmentScope?: pulumi.Input<string>;
  /**
   * Hide the value in the UI; only allowed with `masked: true`. The value is never read back from GitLab.
   * Changing it replaces the variable.
   */
  hidden?: pulumi.Input<boolean>;
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

/** State of an existing group variable, used by `GroupVariable.get`. */
export type GroupVariableState = Partial<GroupVariableArgs>;

/**
 * One CI/CD variable on a group (`gitlab:index/groupVariable:GroupVariable`).
 * The resource ID is `<group>:<key>:<environmentScope>`. `value` is secret in inputs and state.
 */
export class GroupVariable extends pulumi.CustomResource {
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

  declare public readonly description: pulumi.Output<string>;
  declare public readonly environmentScope: pulumi.Output<string>;
  declare public readonly group: pulumi.Output<string>;
  declare public readonly hidden: pulumi.Output<boolean>;
  declare public readonly key: pulumi.Output<string>;
  declare public readonly masked: pulumi.Output<boolean>;
  declare public readonly protected: pulumi.Output<boolean>;
  declare public readonly raw: pulumi.Output<boolean>;
  /** Variable value, secret. */
  declare public readonly value: pulumi.Output<string>;
  declare public readonly variableType: pulumi.Output<string>;

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
    resourceInputs["description"] = source?.description;
    resourceInputs["environmentScope"] = source?.environmentScope;
    resourceInputs["group"] = source?.group;
    resourceInputs["hidden"] = source?.hidden;
    resourceInputs["key"] = source?.key;
    resourceInputs["masked"] = source?.masked;
    resourceInputs["protected"] = source?.protected;
    resourceInputs["raw"] = source?.raw;
    resourceInputs["value"] = secretInput(source?.value);
    resourceInputs["variableType"] = source?.variableType;
    opts = withSecretOutputs(withProviderVersion(opts), ["value"]);
    super(GroupVariable.__pulumiType, name, resourceInputs, opts);
  }
}
