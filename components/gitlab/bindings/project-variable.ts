import * as pulumi from "@pulumi/pulumi";
import { checkRequiredInputs } from "./required-inputs";
import { hasPulumiType } from "./resource-type";
import { ScopedVariableFields, VariableResource, variableInputs } from "./variable-common";
import { checkVariableArgs } from "./variable-checks";
import { withProviderVersion } from "./version";

/** Inputs of one CI/CD variable on a project (`gitlab_project_variable`). */
export interface ProjectVariableArgs extends ScopedVariableFields {
  /** Project ID or full path (`group/sub/project`). Changing it replaces the variable. */
  project: pulumi.Input<string>;
}

/** State of an existing project variable, used by `ProjectVariable.get`. */
export type ProjectVariableState = Partial<ProjectVariableArgs>;

/**
 * One CI/CD variable on a project (`gitlab:index/projectVariable:ProjectVariable`).
 * The resource ID is `<project>:<key>:<environmentScope>`. `value` is secret where the input is.
 */
export class ProjectVariable extends VariableResource {
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

  declare public readonly environmentScope: pulumi.Output<string>;
  declare public readonly hidden: pulumi.Output<boolean>;
  declare public readonly project: pulumi.Output<string>;

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
    Object.assign(resourceInputs, variableInputs(source, ["environmentScope", "hidden", "project"]));
    opts = withProviderVersion(opts);
    super(ProjectVariable.__pulumiType, name, resourceInputs, opts);
  }
}
