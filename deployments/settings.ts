import type { Input } from "@pulumi/pulumi";
import type { DeploymentSettingsArgs, PolicyGroupArgs } from "@pulumi/pulumiservice";

export type Environment = "dev" | "prod";

/** One platform stack as the bootstrap sees it. */
export interface PlatformStack {
  /** Stack name (`Pulumi.<name>.yaml` in the repository root). */
  name: string;
  environment: Environment;
  /** Deploy every push to the branch (dev); otherwise updates are started by hand (prod). */
  deployOnPush: boolean;
  /** Use this stack as the template of per-merge-request review stacks (each registers its own runners). */
  reviewStacks: boolean;
  /** The stack runs on ACK Serverless: its deployments get the Alibaba Cloud credentials (no Deployments OIDC). */
  alibabaCloud: boolean;
}

/**
 * Alibaba Cloud credentials for stacks on ACK Serverless: a RAM user's key (secret) allowed nothing but assuming
 * the deploying role, and that role.
 */
export interface AlibabaCloudCredentials {
  accessKeyId: Input<string>;
  accessKeySecret: Input<string>;
  roleArn?: string;
}

export interface BootstrapSettings {
  organization: string;
  /** GitLab project, `group/project`. */
  repository: string;
  branch: string;
  platformProject: string;
  stacks: PlatformStack[];
  policyPackVersion: string;
  alibabaCloud?: AlibabaCloudCredentials;
}

/** The published pack's name (policy/index.ts). */
export const POLICY_PACK = "gitlab-ci-platform";

/**
 * Changes that never alter what a stack deploys: docs, tests, this bootstrap. Exclusions always win, so the
 * documentation is named where it lives: templates/README.md is published into the component project and must
 * trigger a deployment like the templates beside it.
 */
const IGNORED_PATHS = [
  "!README.md",
  "!docs/**",
  "!components/**/*.md",
  "!test/**",
  "!deployments/**",
  "!.gitlab-ci.yml",
];

/** Path filters for one stack: everything but the ignored paths and the other stacks' files. */
export function pathFilters(stack: PlatformStack, all: PlatformStack[]): string[] {
  const others = all
    .filter((other) => other.name !== stack.name)
    .map((other) => `!Pulumi.${other.name}.yaml`);
  return ["**", ...IGNORED_PATHS, ...others];
}

/** DeploymentSettings inputs for one platform stack: GitLab source, triggers, and how the runner prepares. */
export function deploymentSettingsArgs(
  stack: PlatformStack,
  settings: BootstrapSettings,
): DeploymentSettingsArgs {
  return {
    organization: settings.organization,
    project: settings.platformProject,
    stack: stack.name,
    sourceContext: { git: { branch: settings.branch } },
    vcs: {
      provider: "gitlab",
      repository: settings.repository,
      deployCommits: stack.deployOnPush,
      previewPullRequests: true,
      pullRequestTemplate: stack.reviewStacks,
      paths: pathFilters(stack, settings.stacks),
    },
    operationContext: {
      // `npm ci` skips install scripts (.npmrc); the CLI installs provider plugins itself.
      preRunCommands: ["npm ci --no-audit --no-fund"],
      options: { skipInstallDependencies: true },
      environmentVariables: stack.alibabaCloud ? alibabaCloudEnvironment(settings.alibabaCloud) : undefined,
    },
  };
}

/** The variables the alicloud provider reads; the key arrives as the secrets the bootstrap's config holds. */
function alibabaCloudEnvironment(
  credentials: AlibabaCloudCredentials | undefined,
): Record<string, Input<string>> {
  if (!credentials)
    throw new Error("alibabaCloud credentials are required by a stack with alibabaCloud: true");
  return {
    ALIBABA_CLOUD_ACCESS_KEY_ID: credentials.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: credentials.accessKeySecret,
    ...(credentials.roleArn ? { ALIBABA_CLOUD_ROLE_ARN: credentials.roleArn } : {}),
  };
}

/** The engine config for one environment's levels, as policy/config/<env>.json gives them. */
export type EnforcementConfig = Record<string, string>;

/** A preventative policy group per environment, enforcing the pack with that environment's levels. */
export function policyGroupArgs(
  environment: Environment,
  settings: BootstrapSettings,
  levels: EnforcementConfig,
): PolicyGroupArgs {
  const config = Object.fromEntries(
    Object.entries(levels).map(([policy, level]) => [policy, { enforcementLevel: level }]),
  );
  return {
    name: `${settings.platformProject}-${environment}`,
    organizationName: settings.organization,
    entityType: "stacks",
    mode: "preventative",
    stacks: settings.stacks
      .filter((stack) => stack.environment === environment)
      .map((stack) => ({ name: stack.name, routingProject: settings.platformProject })),
    policyPacks: [{ name: POLICY_PACK, versionTag: settings.policyPackVersion, config }],
  };
}

/** Problems of the stacks list, each naming the entry and the fix; empty when it is valid. */
export function stackProblems(stacks: unknown): string[] {
  if (!Array.isArray(stacks) || stacks.length === 0)
    return ["stacks: list the platform stacks — e.g. [{name: dev, environment: dev}]"];
  return stacks.flatMap((entry, index) => {
    const stack = (entry ?? {}) as Record<string, unknown>;
    const problems: string[] = [];
    if (typeof stack.name !== "string" || !/^[A-Za-z0-9_.-]+$/.test(stack.name))
      problems.push(`stacks[${index}].name: a stack name is required`);
    if (stack.environment !== "dev" && stack.environment !== "prod")
      problems.push(`stacks[${index}].environment: must be dev or prod`);
    for (const flag of ["deployOnPush", "reviewStacks", "alibabaCloud"]) {
      if (stack[flag] !== undefined && typeof stack[flag] !== "boolean")
        problems.push(`stacks[${index}].${flag}: must be true or false`);
    }
    return problems;
  });
}
