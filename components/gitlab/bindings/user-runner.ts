import * as pulumi from "@pulumi/pulumi";
import type { AccessLevel, RunnerType } from "./enums";
import { checkRequiredInputs } from "./required-inputs";
import { hasPulumiType } from "./resource-type";
import { withSecretOutputs } from "./secrets";
import { checkUserRunnerArgs } from "./user-runner-checks";
import { withProviderVersion } from "./version";

/** Inputs of a runner created through GitLab's user-scoped runner API (`gitlab_user_runner`). */
export interface UserRunnerArgs {
  /**
   * Scope of the runner. `group_type` needs `groupId`, `project_type` needs `projectId`, `instance_type`
   * takes neither and needs an admin token. Changing it replaces the runner.
   */
  runnerType: pulumi.Input<RunnerType>;
  /** Numeric ID of the owning group. Set if and only if `runnerType` is `group_type`. Changing it replaces the runner. */
  groupId?: pulumi.Input<number>;
  /** Numeric ID of the owning project. Set if and only if `runnerType` is `project_type`. Changing it replaces the runner. */
  projectId?: pulumi.Input<number>;
  /** Which refs the runner may run jobs for. Unset: GitLab's default, `not_protected`. */
  accessLevel?: pulumi.Input<AccessLevel>;
  /** Free-text description shown in the GitLab UI. */
  description?: pulumi.Input<string>;
  /** Lock the runner to the project(s) it is currently assigned to. Unset: GitLab decides. */
  locked?: pulumi.Input<boolean>;
  /** Free-form note for administrators, at most 1024 characters. */
  maintenanceNote?: pulumi.Input<string>;
  /** Upper limit for a job's timeout on this runner, in seconds; at least 600. Unset: no runner-level limit. */
  maximumTimeout?: pulumi.Input<number>;
  /** When true, the runner does not pick up new jobs. Unset: GitLab decides (not paused). */
  paused?: pulumi.Input<boolean>;
  /** Runner tags; a set, so order does not matter. */
  tagLists?: pulumi.Input<pulumi.Input<string>[]>;
  /** Whether the runner also runs jobs that have no tags. Unset: GitLab decides. */
  untagged?: pulumi.Input<boolean>;
}

/** State of an existing runner, used by `UserRunner.get`. */
export interface UserRunnerState extends Partial<UserRunnerArgs> {
  /** Runner authentication token (`glrt-…`); returned only at creation, empty after import or `get`. */
  token?: pulumi.Input<string>;
}

/**
 * A GitLab runner created with the authentication-token flow (`gitlab:index/userRunner:UserRunner`).
 * The resource ID is the numeric runner ID as a string; use `runner.id.apply(Number)` where an integer is needed.
 */
export class UserRunner extends pulumi.CustomResource {
  public static readonly __pulumiType = "gitlab:index/userRunner:UserRunner";

  /** Looks up an existing runner by its numeric ID. The `token` output stays empty. */
  public static get(
    name: string,
    id: pulumi.Input<pulumi.ID>,
    state?: UserRunnerState,
    opts?: pulumi.CustomResourceOptions,
  ): UserRunner {
    return new UserRunner(name, state, { ...opts, id });
  }

  /** True when `obj` is a UserRunner, even one loaded from another copy of these bindings. */
  public static override isInstance(obj: unknown): obj is UserRunner {
    return hasPulumiType(obj, UserRunner.__pulumiType);
  }

  declare public readonly accessLevel: pulumi.Output<string>;
  declare public readonly description: pulumi.Output<string>;
  declare public readonly groupId: pulumi.Output<number | undefined>;
  declare public readonly locked: pulumi.Output<boolean>;
  declare public readonly maintenanceNote: pulumi.Output<string>;
  declare public readonly maximumTimeout: pulumi.Output<number>;
  declare public readonly paused: pulumi.Output<boolean>;
  declare public readonly projectId: pulumi.Output<number | undefined>;
  declare public readonly runnerType: pulumi.Output<string>;
  declare public readonly tagLists: pulumi.Output<string[]>;
  /** Runner authentication token (`glrt-…`), secret. Only known after creation. */
  declare public readonly token: pulumi.Output<string>;
  declare public readonly untagged: pulumi.Output<boolean>;

  constructor(name: string, args: UserRunnerArgs, opts?: pulumi.CustomResourceOptions);
  constructor(
    name: string,
    argsOrState?: UserRunnerArgs | UserRunnerState,
    opts?: pulumi.CustomResourceOptions,
  );
  constructor(
    name: string,
    argsOrState?: UserRunnerArgs | UserRunnerState,
    opts?: pulumi.CustomResourceOptions,
  ) {
    const resourceInputs: pulumi.Inputs = {};
    opts = opts || {};
    if (opts.id) {
      const state = argsOrState as UserRunnerState | undefined;
      resourceInputs["accessLevel"] = state?.accessLevel;
      resourceInputs["description"] = state?.description;
      resourceInputs["groupId"] = state?.groupId;
      resourceInputs["locked"] = state?.locked;
      resourceInputs["maintenanceNote"] = state?.maintenanceNote;
      resourceInputs["maximumTimeout"] = state?.maximumTimeout;
      resourceInputs["paused"] = state?.paused;
      resourceInputs["projectId"] = state?.projectId;
      resourceInputs["runnerType"] = state?.runnerType;
      resourceInputs["tagLists"] = state?.tagLists;
      resourceInputs["token"] = state?.token;
      resourceInputs["untagged"] = state?.untagged;
    } else {
      const args = argsOrState as UserRunnerArgs | undefined;
      checkRequiredInputs(args, ["runnerType"], opts);
      if (args !== undefined && !opts.urn) {
        checkUserRunnerArgs(name, args);
      }
      resourceInputs["accessLevel"] = args?.accessLevel;
      resourceInputs["description"] = args?.description;
      resourceInputs["groupId"] = args?.groupId;
      resourceInputs["locked"] = args?.locked;
      resourceInputs["maintenanceNote"] = args?.maintenanceNote;
      resourceInputs["maximumTimeout"] = args?.maximumTimeout;
      resourceInputs["paused"] = args?.paused;
      resourceInputs["projectId"] = args?.projectId;
      resourceInputs["runnerType"] = args?.runnerType;
      resourceInputs["tagLists"] = args?.tagLists;
      resourceInputs["untagged"] = args?.untagged;
      resourceInputs["token"] = undefined;
    }
    opts = withSecretOutputs(withProviderVersion(opts), ["token"]);
    super(UserRunner.__pulumiType, name, resourceInputs, opts);
  }
}
