import type * as pulumi from "@pulumi/pulumi";
import { type ScopedVariableFields, variableResource } from "./variable-resource";

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
export class GroupVariable extends variableResource<GroupVariableArgs>({
  type: "gitlab:index/groupVariable:GroupVariable",
  label: "gitlab.GroupVariable",
  ownKeys: ["environmentScope", "group", "hidden"],
  required: ["group", "key", "value"],
}) {
  declare public readonly environmentScope: pulumi.Output<string>;
  declare public readonly group: pulumi.Output<string>;
  declare public readonly hidden: pulumi.Output<boolean>;
}
