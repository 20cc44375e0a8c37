import * as pulumi from "@pulumi/pulumi";
import { checkRequiredInputs } from "./required-inputs";
import { hasPulumiType } from "./resource-type";
import { withSecretOutputs } from "./secrets";
import { withProviderVersion } from "./version";

/** Inputs of an agent's authentication token (`gitlab_cluster_agent_token`). Every change replaces the token. */
export interface ClusterAgentTokenArgs {
  /** Project ID or full path that holds the agent. */
  project: pulumi.Input<string>;
  /** Numeric ID of the agent: `ClusterAgent.agentId`. */
  agentId: pulumi.Input<number>;
  /** The token's name. Unset, the provider makes one from the resource name and a random suffix. */
  name?: pulumi.Input<string>;
  /** Free-text description shown in GitLab. */
  description?: pulumi.Input<string>;
}

/** State of an existing token, used by `ClusterAgentToken.get`. */
export interface ClusterAgentTokenState extends Partial<ClusterAgentTokenArgs> {
  /** Creation time (RFC 3339). */
  createdAt?: pulumi.Input<string>;
  /** ID of the user who created the token. */
  createdByUserId?: pulumi.Input<number>;
  /** Last time agentk authenticated with it (RFC 3339); may be empty. */
  lastUsedAt?: pulumi.Input<string>;
  /** `active` or `revoked`. */
  status?: pulumi.Input<string>;
  /** The token agentk authenticates with (`glagent-…`), secret; only known at creation, empty after import. */
  token?: pulumi.Input<string>;
  /** Numeric token ID. */
  tokenId?: pulumi.Input<number>;
}

/** Input names, as the generated SDK registers them. */
const INPUT_KEYS = [
  "agentId",
  "description",
  "name",
  "project",
] as const satisfies readonly (keyof ClusterAgentTokenArgs)[];
/** Output-only names: registered as `undefined` on create so their outputs resolve. */
const OUTPUT_ONLY_KEYS = [
  "createdAt",
  "createdByUserId",
  "lastUsedAt",
  "status",
  "token",
  "tokenId",
] as const satisfies readonly (keyof ClusterAgentTokenState)[];

/**
 * An authentication token of a GitLab agent for Kubernetes (`gitlab:index/clusterAgentToken:ClusterAgentToken`).
 * The resource ID is `<project>:<agentId>:<tokenId>`. `token` is secret (additionalSecretOutputs) and is returned
 * only when the token is created: replace the resource to get a new one.
 */
export class ClusterAgentToken extends pulumi.CustomResource {
  public static readonly __pulumiType = "gitlab:index/clusterAgentToken:ClusterAgentToken";

  /** Looks up an existing token by its ID `<project>:<agentId>:<tokenId>`. The `token` output stays empty. */
  public static get(
    name: string,
    id: pulumi.Input<pulumi.ID>,
    state?: ClusterAgentTokenState,
    opts?: pulumi.CustomResourceOptions,
  ): ClusterAgentToken {
    return new ClusterAgentToken(name, state, { ...opts, id });
  }

  /** True when `obj` is a ClusterAgentToken, even one loaded from another copy of these bindings. */
  public static override isInstance(obj: unknown): obj is ClusterAgentToken {
    return hasPulumiType(obj, ClusterAgentToken.__pulumiType);
  }

  declare public readonly agentId: pulumi.Output<number>;
  declare public readonly createdAt: pulumi.Output<string>;
  declare public readonly createdByUserId: pulumi.Output<number>;
  declare public readonly description: pulumi.Output<string>;
  declare public readonly lastUsedAt: pulumi.Output<string>;
  declare public readonly name: pulumi.Output<string>;
  declare public readonly project: pulumi.Output<string>;
  declare public readonly status: pulumi.Output<string>;
  /** The token agentk authenticates with, secret. */
  declare public readonly token: pulumi.Output<string>;
  declare public readonly tokenId: pulumi.Output<number>;

  constructor(name: string, args: ClusterAgentTokenArgs, opts?: pulumi.CustomResourceOptions);
  constructor(
    name: string,
    argsOrState?: ClusterAgentTokenArgs | ClusterAgentTokenState,
    opts?: pulumi.CustomResourceOptions,
  );
  constructor(
    name: string,
    argsOrState?: ClusterAgentTokenArgs | ClusterAgentTokenState,
    opts?: pulumi.CustomResourceOptions,
  ) {
    const resourceInputs: pulumi.Inputs = {};
    opts = opts || {};
    const source = argsOrState as ClusterAgentTokenState | undefined;
    if (opts.id) {
      for (const key of [...INPUT_KEYS, ...OUTPUT_ONLY_KEYS].sort()) resourceInputs[key] = source?.[key];
    } else {
      checkRequiredInputs(source, ["agentId", "project"], opts);
      for (const key of INPUT_KEYS) resourceInputs[key] = source?.[key];
      for (const key of OUTPUT_ONLY_KEYS) resourceInputs[key] = undefined;
    }
    opts = withSecretOutputs(withProviderVersion(opts), ["token"]);
    super(ClusterAgentToken.__pulumiType, name, resourceInputs, opts);
  }
}
