import * as pulumi from "@pulumi/pulumi";
import { checkRequiredInputs } from "./required-inputs";
import { hasPulumiType } from "./resource-type";
import { withSecretOutputs } from "./secrets";
import { type UserRunnerArgs, type UserRunnerState, checkUserRunnerArgs } from "./user-runner-args";
import { withProviderVersion } from "./version";

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
