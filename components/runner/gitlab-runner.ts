import type * as pulumi from "@pulumi/pulumi";
import type { GitLabRunnerPlan } from "../../model/fleet";
import { UserRunner, getGroupOutput, getProjectOutput } from "../gitlab/bindings";
import type { UserRunnerArgs } from "../gitlab/bindings";

/**
 * The replacement trigger of a runner whose fleet sets no tokenRotation. The engine replaces a resource when its
 * trigger changes from one value to another, but not when a trigger appears where there was none: a runner
 * always carries one, so that setting tokenRotation for the first time rotates the token too.
 */
export const NOT_ROTATED = "";

/**
 * The runner in GitLab, with the GitLab provider of its parent. Setting or changing the plan's tokenRotation
 * replaces it, which issues a new token.
 */
export function gitlabRunner(name: string, runner: GitLabRunnerPlan, parent: pulumi.Resource): UserRunner {
  const { runnerType, group, project, tokenRotation, ...settings } = runner;
  return new UserRunner(
    `${name}-runner`,
    { runnerType, ...owner(group, project, parent), ...settings },
    { parent, replacementTrigger: tokenRotation ?? NOT_ROTATED },
  );
}

/** The numeric group or project id, looked up (with the parent's GitLab provider) when the plan gives a path. */
function owner(
  group: string | number | undefined,
  project: string | number | undefined,
  parent: pulumi.Resource,
): Pick<UserRunnerArgs, "groupId" | "projectId"> {
  const opts = { parent };
  if (group !== undefined) {
    return { groupId: typeof group === "number" ? group : getGroupOutput({ fullPath: group }, opts).groupId };
  }
  if (project !== undefined) {
    return {
      projectId:
        typeof project === "number"
          ? project
          : getProjectOutput({ pathWithNamespace: project }, opts).id.apply(Number),
    };
  }
  return {};
}
