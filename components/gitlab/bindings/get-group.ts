import * as pulumi from "@pulumi/pulumi";
import { invokePublicFields } from "./invoke-public-fields";

/** Identifies the group to look up: give `fullPath` or `groupId`. */
export interface GetGroupOutputArgs {
  /** Full path of the group, e.g. `platform/ci`. */
  fullPath?: pulumi.Input<string>;
  /** Numeric group ID (an integer, unlike `getProjectOutput`'s string `id`). */
  groupId?: pulumi.Input<number>;
}

/** The non-secret fields of a group returned by `gitlab:index/getGroup:getGroup` (the legacy `runnersToken` is left out). */
export interface GetGroupResult {
  /** Data source ID: the group ID as a string. */
  readonly id: string;
  /** Numeric group ID. */
  readonly groupId: number;
  /** Group name. */
  readonly name: string;
  /** Path segment of the group. */
  readonly path: string;
  /** Full path, e.g. `platform/ci`. */
  readonly fullPath: string;
  /** Full display name including parent groups. */
  readonly fullName: string;
  /** ID of the parent group; 0 for a top-level group. */
  readonly parentId: number;
  /** Group description. */
  readonly description: string;
  /** `private`, `internal` or `public`. */
  readonly visibilityLevel: string;
  /** URL of the group in the browser. */
  readonly webUrl: string;
  /** Default branch name for new projects. */
  readonly defaultBranch: string;
  /** Whether instance runners are enabled for the group, e.g. `enabled` or `disabled_and_unoverridable`. */
  readonly sharedRunnersSetting: string;
}

/** The invoke result as the provider sends it, including fields that are not passed on. */
type RawGroup = GetGroupResult & { readonly runnersToken?: string };

/** Looks up one GitLab group by full path or numeric ID. */
export function getGroupOutput(
  args: GetGroupOutputArgs,
  opts?: pulumi.InvokeOutputOptions,
): pulumi.Output<GetGroupResult> {
  return invokePublicFields(
    "gitlab:index/getGroup:getGroup",
    { fullPath: args.fullPath, groupId: args.groupId },
    toGroupResult,
    opts,
  );
}

function toGroupResult(raw: RawGroup): GetGroupResult {
  return {
    id: raw.id,
    groupId: raw.groupId,
    name: raw.name,
    path: raw.path,
    fullPath: raw.fullPath,
    fullName: raw.fullName,
    parentId: raw.parentId,
    description: raw.description,
    visibilityLevel: raw.visibilityLevel,
    webUrl: raw.webUrl,
    defaultBranch: raw.defaultBranch,
    sharedRunnersSetting: raw.sharedRunnersSetting,
  };
}
