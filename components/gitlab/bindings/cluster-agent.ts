import * as pulumi from "@pulumi/pulumi";
import { checkClusterAgentName } from "./cluster-agent-checks";
import { checkRequiredInputs } from "./required-inputs";
import { hasPulumiType } from "./resource-type";
import { withProviderVersion } from "./version";

/** Inputs of a GitLab agent for Kubernetes registered in a project (`gitlab_cluster_agent`). */
export interface ClusterAgentArgs {
  /** Project ID or full path that holds the agent (and its `.gitlab/agents/<name>/config.yaml`). Changing it replaces the agent. */
  project: pulumi.Input<string>;
  /**
   * The agent's name: a DNS label of at most 63 characters (lower-case letters, digits and '-'). Unset, the
   * provider makes one from the resource name and a random suffix. Changing it replaces the agent.
   */
  name?: pulumi.Input<string>;
}

/** State of an existing agent, used by `ClusterAgent.get`: the inputs and what GitLab reports. */
export interface ClusterAgentState extends Partial<ClusterAgentArgs> {
  /** Numeric agent ID (what ClusterAgentToken's `agentId` takes). */
  agentId?: pulumi.Input<number>;
  /** Creation time (RFC 3339). */
  createdAt?: pulumi.Input<string>;
  /** ID of the user who registered the agent. */
  createdByUserId?: pulumi.Input<number>;
}

/** Input names, as the generated SDK registers them. */
const INPUT_KEYS = ["name", "project"] as const satisfies readonly (keyof ClusterAgentArgs)[];
/** Output-only names: registered as `undefined` on create so their outputs resolve. */
const OUTPUT_ONLY_KEYS = [
  "agentId",
  "createdAt",
  "createdByUserId",
] as const satisfies readonly (keyof ClusterAgentState)[];

/**
 * A GitLab agent for Kubernetes (`gitlab:index/clusterAgent:ClusterAgent`): only its registration; the
 * configuration file is a RepositoryFile. The resource ID is `<project>:<agentId>` (use `agentId`, not `id`, where
 * the number is needed). Every input change replaces the agent; no output is secret.
 */
export class ClusterAgent extends pulumi.CustomResource {
  public static readonly __pulumiType = "gitlab:index/clusterAgent:ClusterAgent";

  /** Looks up an existing agent by its ID `<project>:<agentId>`. */
  public static get(
    name: string,
    id: pulumi.Input<pulumi.ID>,
    state?: ClusterAgentState,
    opts?: pulumi.CustomResourceOptions,
  ): ClusterAgent {
    return new ClusterAgent(name, state, { ...opts, id });
  }

  /** True when `obj` is a ClusterAgent, even one loaded from another copy of these bindings. */
  public static override isInstance(obj: unknown): obj is ClusterAgent {
    return hasPulumiType(obj, ClusterAgent.__pulumiType);
  }

  declare public readonly agentId: pulumi.Output<number>;
  declare public readonly createdAt: pulumi.Output<string>;
  declare public readonly createdByUserId: pulumi.Output<number>;
  declare public readonly name: pulumi.Output<string>;
  declare public readonly project: pulumi.Output<string>;

  constructor(name: string, args: ClusterAgentArgs, opts?: pulumi.CustomResourceOptions);
  constructor(
    name: string,
    argsOrState?: ClusterAgentArgs | ClusterAgentState,
    opts?: pulumi.CustomResourceOptions,
  );
  constructor(
    name: string,
    argsOrState?: ClusterAgentArgs | ClusterAgentState,
    opts?: pulumi.CustomResourceOptions,
  ) {
    const resourceInputs: pulumi.Inputs = {};
    opts = opts || {};
    const source = argsOrState as ClusterAgentState | undefined;
    if (opts.id) {
      for (const key of [...INPUT_KEYS, ...OUTPUT_ONLY_KEYS].sort()) resourceInputs[key] = source?.[key];
    } else {
      checkRequiredInputs(source, ["project"], opts);
      if (source !== undefined && !opts.urn) checkClusterAgentName(name, source.name);
      for (const key of INPUT_KEYS) resourceInputs[key] = source?.[key];
      for (const key of OUTPUT_ONLY_KEYS) resourceInputs[key] = undefined;
    }
    opts = withProviderVersion(opts);
    super(ClusterAgent.__pulumiType, name, resourceInputs, opts);
  }
}
