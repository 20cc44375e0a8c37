export type Environment = "dev" | "prod";

/** One platform stack as the bootstrap's `stacks` list names it, defaults applied. */
export interface PlatformStack {
  /** Stack name (`Pulumi.<name>.yaml` in the repository root). */
  name: string;
  environment: Environment;
  /** Deploy every push to the branch (dev); otherwise updates are started by hand (prod). */
  deployOnPush: boolean;
  /** Preview every merge request (with the stack's credentials, in Pulumi Cloud or the agent pool). */
  previewMergeRequests: boolean;
  /** Use this stack as the template of per-merge-request review stacks (each registers its own runners). */
  reviewStacks: boolean;
  /**
   * A customer-managed agent pool that runs the stack's deployments: required where Pulumi's hosted runners
   * cannot reach the cluster (a private API server), e.g. agents on a machine inside the VPC.
   */
  agentPoolId?: string;
}

const FLAGS = ["deployOnPush", "previewMergeRequests", "reviewStacks"] as const;
const KNOWN = new Set<string>(["name", "environment", "agentPoolId", ...FLAGS]);

/** What the bootstrap's settings say of keys it no longer reads, and what to do instead. */
const REPLACED: Record<string, string> = {
  alibabaCloud: "remove it: a stack's Pulumi.<name>.yaml tells whether it runs on ACK Serverless",
};

/** Problems of the stacks list, each naming the entry and the fix; empty when it is valid. */
export function stackProblems(stacks: unknown): string[] {
  if (!Array.isArray(stacks) || stacks.length === 0)
    return ["stacks: list the platform stacks — e.g. [{name: dev, environment: dev}]"];
  return stacks.flatMap((entry, index) => {
    const stack = (entry ?? {}) as Record<string, unknown>;
    const at = `stacks[${index}]`;
    const problems: string[] = [];
    if (typeof stack.name !== "string" || !/^[A-Za-z0-9_.-]+$/.test(stack.name))
      problems.push(`${at}.name: a stack name is required`);
    if (stack.environment !== "dev" && stack.environment !== "prod")
      problems.push(`${at}.environment: must be dev or prod`);
    for (const flag of FLAGS) {
      if (stack[flag] !== undefined && typeof stack[flag] !== "boolean")
        problems.push(`${at}.${flag}: must be true or false`);
    }
    if (
      stack.agentPoolId !== undefined &&
      (typeof stack.agentPoolId !== "string" || stack.agentPoolId === "")
    )
      problems.push(
        `${at}.agentPoolId: must be the id of an agent pool (Pulumi Cloud: Settings > Deployments)`,
      );
    for (const key of Object.keys(stack).filter((k) => !KNOWN.has(k)))
      problems.push(
        `${at}.${key}: ${REPLACED[key] ?? `unknown key; known keys are ${[...KNOWN].join(", ")}`}`,
      );
    return problems;
  });
}

/** A valid stacks entry with its defaults. */
export function platformStack(entry: Record<string, unknown>): PlatformStack {
  return {
    name: entry.name as string,
    environment: entry.environment as Environment,
    deployOnPush: (entry.deployOnPush as boolean | undefined) ?? false,
    previewMergeRequests: (entry.previewMergeRequests as boolean | undefined) ?? true,
    reviewStacks: (entry.reviewStacks as boolean | undefined) ?? false,
    ...(entry.agentPoolId === undefined ? {} : { agentPoolId: entry.agentPoolId as string }),
  };
}
