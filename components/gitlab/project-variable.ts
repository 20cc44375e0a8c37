import * as pulumi from "@pulumi/pulumi";
import type { VariableType } from "./enums";
import { checkRequiredInputs } from "./required-inputs";
import { hasPulumiType } from "./resource-type";
import { secretInput, withSecretOutputs } from "./secrets";
import { checkVariableArgs } from "./variable-checks";
import { withProviderVersion } from "./version";

/** Inputs of one CI/CD variable on a project (`gitlab_project_variable`). */
export interface ProjectVariableArgs {
  /** Project ID or full path (`group/sub/project`). Changing it replaces the variable. */
  project: pulumi.Input<string>;
  /** Variable name: 1 to 255 characters from `[a-zA-Z0-9_]`. Changing it replaces the variable. */
  key: pulumi.Input<string>;
  /** Variable value. Always registered as a secret by these bindings. */
  value: pulumi.Input<string>;
  /** Free-text description shown in the GitLab UI. */
  description?: pulumi.Input<string>;
  /** Environments the variable applies to. Default `"*"` (all). Changing it replaces the variable. */
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

/** State of an existing project variable, used by `ProjectVariable.get`. */
export type ProjectVariableState = Partial<ProjectVariableArgs>;

/**
 * One CI/CD variable on a project (`gitlab:index/projectVariable:ProjectVariable`).
 * The resource ID is `<project>:<key>:<environmentScope>`. `value` is secret in inputs and state.
 */
export class ProjectVariable extends pulumi.CustomResource {
  public static readonly __pulumiType = "gitlab:index/projectVariable:ProjectVariable";

  /** Looks up an existing variable by its ID `<project>:<key>:<environmentScope>`. */
  public static get(
    name: string,
    id: pulumi.Input<pulumi.ID>,
    state?: ProjectVariableState,
    opts?: pulumi.CustomResourceOptions,
  ): ProjectVariable {
    return new ProjectVariable(name, state, { ...opts, id });
  }

  /** True when `obj` is a ProjectVariable, even one loaded from another copy of these bindings. */
  public static override isInstance(obj: unknown): obj is ProjectVariable {
    return hasPulumiType(obj, ProjectVariable.__pulumiType);
  }

  declare public readonly description: pulumi.Output<string>;
  declare public readonly environmentScope: pulumi.Output<string>;
  declare public readonly hidden: pulumi.Output<boolean>;
  declare public readonly key: pulumi.Output<string>;
  declare public readonly masked: pulumi.Output<boolean>;
  declare public readonly project: pulumi.Output<string>;
  declare public readonly protected: pulumi.Output<boolean>;
  declare public readonly raw: pulumi.Output<boolean>;
  /** Variable value, secret. */
  declare public readonly value: pulumi.Output<string>;
  declare public readonly variableType: pulumi.Output<string>;

  constructor(name: string, args: ProjectVariableArgs, opts?: pulumi.CustomResourceOptions);
  constructor(
    name: string,
    argsOrState?: ProjectVariableArgs | ProjectVariableState,
    opts?: pulumi.CustomResourceOptions,
  );
  constructor(
    name: string,
    argsOrState?: ProjectVariableArgs | ProjectVariableState,
    opts?: pulumi.CustomResourceOptions,
  ) {
    const resourceInputs: pulumi.Inputs = {};
    opts = opts || {};
    const source = argsOrState as ProjectVariableState | undefined;
    if (!opts.id) {
      checkRequiredInputs(source, ["key", "project", "value"], opts);
      if (source !== undefined && !opts.urn) {
        checkVariableArgs("gitlab.ProjectVariable", name, source);
      }
    }
    resourceInputs["description"] = source?.description;
    resourceInputs["environmentScope"] = source?.environmentScope;
    resourceInputs["hidden"] = source?.hidden;
    resourceInputs["key"] = source?.key;
    resourceInputs["masked"] = source?.masked;
    resourceInputs["project"] = source?.project;
    resourceInputs["protected"] = source?.protected;
    resourceInputs["raw"] = source?.raw;
    resourceInputs["value"] = secretInput(source?.value);
    resourceInputs["variableType"] = source?.variableType;
    opts = withSecretOutputs(withProviderVersion(opts), ["value"]);
    super(ProjectVariable.__pulumiType, name, resourceInputs, opts);
  }
}
