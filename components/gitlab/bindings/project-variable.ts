import type * as pulumi from "@pulumi/pulumi";
import { type ScopedVariableFields, variableResource } from "./variable-resource";

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
export class ProjectVariable extends variableResource<ProjectVariableArgs>({
  type: "gitlab:index/projectVariable:ProjectVariable",
  label: "gitlab.ProjectVariable",
  ownKeys: ["environmentScope", "hidden", "project"],
  required: ["key", "project", "value"],
}) {
  declare public readonly environmentScope: pulumi.Output<string>;
  declare public readonly hidden: pulumi.Output<boolean>;
  declare public readonly project: pulumi.Output<string>;
}
