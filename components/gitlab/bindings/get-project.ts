import * as pulumi from "@pulumi/pulumi";
import { invokePublicFields } from "./invoke-public-fields";

/** Identifies the project to look up: give `id` or `pathWithNamespace`. */
export interface GetProjectOutputArgs {
  /** Numeric project ID as a string (a string, unlike `getGroupOutput`'s integer `groupId`). */
  id?: pulumi.Input<string>;
  /** Full path of the project, e.g. `platform/ci/runner-config`. */
  pathWithNamespace?: pulumi.Input<string>;
}

/** A namespace (group or user) that owns a project. */
export interface GetProjectNamespace {
  readonly id: number;
  readonly name: string;
  readonly path: string;
  readonly fullPath: string;
  /** `group` or `user`. */
  readonly kind: string;
}

/** The non-secret fields of a project returned by `gitlab:index/getProject:getProject` (the legacy `runnersToken` is left out). */
export interface GetProjectResult {
  /** Numeric project ID as a string. */
  readonly id: string;
  /** Project name. */
  readonly name: string;
  /** Path segment of the project. */
  readonly path: string;
  /** Full path, e.g. `platform/ci/runner-config`. */
  readonly pathWithNamespace: string;
  /** Full display name including the namespace. */
  readonly nameWithNamespace: string;
  /** Namespaces that own the project. */
  readonly namespaces: GetProjectNamespace[];
  /** Default branch. */
  readonly defaultBranch: string;
  /** Project description. */
  readonly description: string;
  /** `private`, `internal` or `public`. */
  readonly visibility: string;
  /** Whether the project is archived (read-only). */
  readonly archived: boolean;
  /** Whether the repository has no commits. */
  readonly emptyRepo: boolean;
  /** URL of the project in the browser. */
  readonly webUrl: string;
  /** HTTPS clone URL. */
  readonly httpUrlToRepo: string;
  /** SSH clone URL. */
  readonly sshUrlToRepo: string;
  /** Whether instance runners may run the project's jobs. */
  readonly sharedRunnersEnabled: boolean;
  /** Whether group runners may run the project's jobs. */
  readonly groupRunnersEnabled: boolean;
  /** Access level of the CI/CD feature, e.g. `enabled`, `private` or `disabled`. */
  readonly buildsAccessLevel: string;
  /** Custom path of the CI configuration file; empty for the default `.gitlab-ci.yml`. */
  readonly ciConfigPath: string;
  /** Project topics. */
  readonly topics: string[];
}

/** The invoke result as the provider sends it, including fields that are not passed on. */
type RawProject = GetProjectResult & { readonly runnersToken?: string };

/** Looks up one GitLab project by numeric ID or full path. */
export function getProjectOutput(
  args: GetProjectOutputArgs,
  opts?: pulumi.InvokeOutputOptions,
): pulumi.Output<GetProjectResult> {
  return invokePublicFields(
    "gitlab:index/getProject:getProject",
    { id: args.id, pathWithNamespace: args.pathWithNamespace },
    toProjectResult,
    opts,
  );
}

function toProjectResult(raw: RawProject): GetProjectResult {
  return {
    id: raw.id,
    name: raw.name,
    path: raw.path,
    pathWithNamespace: raw.pathWithNamespace,
    nameWithNamespace: raw.nameWithNamespace,
    namespaces: raw.namespaces,
    defaultBranch: raw.defaultBranch,
    description: raw.description,
    visibility: raw.visibility,
    archived: raw.archived,
    emptyRepo: raw.emptyRepo,
    webUrl: raw.webUrl,
    httpUrlToRepo: raw.httpUrlToRepo,
    sshUrlToRepo: raw.sshUrlToRepo,
    sharedRunnersEnabled: raw.sharedRunnersEnabled,
    groupRunnersEnabled: raw.groupRunnersEnabled,
    buildsAccessLevel: raw.buildsAccessLevel,
    ciConfigPath: raw.ciConfigPath,
    topics: raw.topics,
  };
}
