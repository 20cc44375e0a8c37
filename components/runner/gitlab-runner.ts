import * as pulumi from "@pulumi/pulumi";
import type { FleetConfig } from "../../config";
import { UserRunner, getGroupOutput, getProjectOutput } from "../gitlab/bindings";
import type { Provider as GitLabProvider, RunnerType, UserRunnerArgs } from "../gitlab/bindings";

const RUNNER_TYPE: Record<FleetConfig["scope"]["type"], RunnerType> = {
  instance: "instance_type",
  group: "group_type",
  project: "project_type",
};

export interface GitLabSide {
  provider: GitLabProvider;
  /** Owner of group runners when the fleet names none: numeric id or full path. */
  defaultGroup?: string | number;
}

/** The runner in GitLab. Changing the fleet's tokenRotation replaces it, which issues a new token. */
export function gitlabRunner(name: string, fleet: FleetConfig, gitlab: GitLabSide, parent: pulumi.Resource) {
  return new UserRunner(`${name}-runner`, userRunnerArgs(fleet, gitlab), {
    parent,
    provider: gitlab.provider,
    replacementTrigger: fleet.tokenRotation,
  });
}

function userRunnerArgs(fleet: FleetConfig, gitlab: GitLabSide): UserRunnerArgs {
  return {
    runnerType: RUNNER_TYPE[fleet.scope.type],
    ...owner(fleet.scope, gitlab),
    description: fleet.description ?? `${fleet.name} (gitlab-ci-platform, stack ${pulumi.getStack()})`,
    tagLists: fleet.tags,
    untagged: fleet.runUntagged ?? fleet.tags.length === 0,
    locked: fleet.locked,
    paused: fleet.paused,
    accessLevel: fleet.protected ? "ref_protected" : "not_protected",
    maximumTimeout: fleet.maximumTimeout,
  };
}

/** The numeric group or project id, looked up by full path when the configuration gives a path. */
function owner(
  scope: FleetConfig["scope"],
  gitlab: GitLabSide,
): Pick<UserRunnerArgs, "groupId" | "projectId"> {
  const opts = { provider: gitlab.provider };
  if (scope.type === "group") {
    const group = scope.group ?? gitlab.defaultGroup!;
    return { groupId: typeof group === "number" ? group : getGroupOutput({ fullPath: group }, opts).groupId };
  }
  if (scope.type === "project") {
    const project = scope.project;
    return {
      projectId:
        typeof project === "number"
          ? project
          : getProjectOutput({ pathWithNamespace: project }, opts).id.apply(Number),
    };
  }
  return {};
}
