import * as pulumi from "@pulumi/pulumi";
import { checkRequiredInputs } from "./required-inputs";
import { hasPulumiType } from "./resource-type";
import { withProviderVersion } from "./version";

/** Inputs for enabling an existing runner on one more project (`gitlab_project_runner_enablement`). */
export interface ProjectRunnerEnablementArgs {
  /** Project ID or URL-encoded full path. Changing it replaces the enablement. */
  project: pulumi.Input<string>;
  /** Numeric ID of the runner, e.g. `runner.id.apply(Number)`. Changing it replaces the enablement. */
  runnerId: pulumi.Input<number>;
}

/** State of an existing enablement, used by `ProjectRunnerEnablement.get`. */
export type ProjectRunnerEnablementState = Partial<ProjectRunnerEnablementArgs>;

/**
 * Enables an existing project runner on another project
 * (`gitlab:index/projectRunnerEnablement:ProjectRunnerEnablement`). The resource ID is `<project>:<runnerId>`.
 */
export class ProjectRunnerEnablement extends pulumi.CustomResource {
  public static readonly __pulumiType = "gitlab:index/projectRunnerEnablement:ProjectRunnerEnablement";

  /** Looks up an existing enablement by its ID `<project>:<runnerId>`. */
  public static get(
    name: string,
    id: pulumi.Input<pulumi.ID>,
    state?: ProjectRunnerEnablementState,
    opts?: pulumi.CustomResourceOptions,
  ): ProjectRunnerEnablement {
    return new ProjectRunnerEnablement(name, state, { ...opts, id });
  }

  /** True when `obj` is a ProjectRunnerEnablement, even one loaded from another copy of these bindings. */
  public static override isInstance(obj: unknown): obj is ProjectRunnerEnablement {
    return hasPulumiType(obj, ProjectRunnerEnablement.__pulumiType);
  }

  declare public readonly project: pulumi.Output<string>;
  declare public readonly runnerId: pulumi.Output<number>;

  constructor(name: string, args: ProjectRunnerEnablementArgs, opts?: pulumi.CustomResourceOptions);
  constructor(
    name: string,
    argsOrState?: ProjectRunnerEnablementArgs | ProjectRunnerEnablementState,
    opts?: pulumi.CustomResourceOptions,
  );
  constructor(
    name: string,
    argsOrState?: ProjectRunnerEnablementArgs | ProjectRunnerEnablementState,
    opts?: pulumi.CustomResourceOptions,
  ) {
    const resourceInputs: pulumi.Inputs = {};
    opts = opts || {};
    const source = argsOrState as ProjectRunnerEnablementState | undefined;
    if (!opts.id) {
      checkRequiredInputs(source, ["project", "runnerId"], opts);
    }
    resourceInputs["project"] = source?.project;
    resourceInputs["runnerId"] = source?.runnerId;
    opts = withProviderVersion(opts);
    super(ProjectRunnerEnablement.__pulumiType, name, resourceInputs, opts);
  }
}
