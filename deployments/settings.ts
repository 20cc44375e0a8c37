import type { Input } from "@pulumi/pulumi";
import type { DeploymentSettingsArgs, PolicyGroupArgs } from "@pulumi/pulumiservice";
import type { StackFacts } from "./stack-facts";
import type { Environment, PlatformStack } from "./stacks";

/**
 * The key Deployments runs ACK Serverless stacks with (Deployments has no Alibaba Cloud OIDC): a RAM user's,
 * allowed nothing but assuming the role the stack file names, which the platform program then assumes.
 */
export interface AlibabaCloudCredentials {
  accessKeyId: Input<string>;
  accessKeySecret: Input<string>;
}

export interface BootstrapSettings {
  organization: string;
  /** GitLab project, `group/project`. */
  repository: string;
  branch: string;
  platformProject: string;
  stacks: PlatformStack[];
  /** The published pack the policy groups enforce; no policy groups when unset. */
  policyPackVersion?: string;
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

/**
 * Why Pulumi Deployments cannot run a stack, each with the fix; empty when it can. A stack it cannot run gets
 * no deployment settings, so no merge request waits on a preview that would fail.
 */
export function unrunnableReasons(
  stack: PlatformStack,
  facts: StackFacts,
  credentials: AlibabaCloudCredentials | undefined,
): string[] {
  const reasons: string[] = [];
  if (facts.privateApiServer && !stack.agentPoolId)
    reasons.push(
      `${facts.privateApiServer}, and Pulumi's hosted runners are outside it — set agentPoolId to a customer-managed agent pool whose agents run inside that network`,
    );
  if (facts.alibabaCloud && !credentials)
    reasons.push(
      "it runs on ACK Serverless and the bootstrap holds no Alibaba Cloud key — run pulumi config set --secret alibabaCloudAccessKeyId <id> and the same for alibabaCloudAccessKeySecret",
    );
  return reasons;
}

/** DeploymentSettings inputs for one platform stack Deployments can run: GitLab source, triggers, runner. */
export function deploymentSettingsArgs(
  stack: PlatformStack,
  facts: StackFacts,
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
      previewPullRequests: stack.previewMergeRequests,
      pullRequestTemplate: stack.reviewStacks,
      paths: pathFilters(stack, settings.stacks),
    },
    ...(stack.agentPoolId ? { agentPoolId: stack.agentPoolId } : {}),
    operationContext: {
      // `npm ci` skips install scripts (.npmrc); the CLI installs provider plugins itself.
      preRunCommands: ["npm ci --no-audit --no-fund"],
      options: { skipInstallDependencies: true },
      environmentVariables: facts.alibabaCloud ? alibabaCloudEnvironment(settings.alibabaCloud) : undefined,
    },
  };
}

/**
 * The access key the alicloud provider reads from the environment; the program assumes the stack's role with it.
 * No ALIBABA_CLOUD_ROLE_ARN: the stack file names the role, and the program refuses another one.
 */
function alibabaCloudEnvironment(
  credentials: AlibabaCloudCredentials | undefined,
): Record<string, Input<string>> {
  if (!credentials) throw new Error("an Alibaba Cloud key is required by a stack on ACK Serverless");
  return {
    ALIBABA_CLOUD_ACCESS_KEY_ID: credentials.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: credentials.accessKeySecret,
  };
}

/** The engine config for one environment's levels, as policy/config/<env>.json gives them. */
export type EnforcementConfig = Record<string, string>;

/** A preventative policy group per environment, enforcing the pack with that environment's levels. */
export function policyGroupArgs(
  environment: Environment,
  settings: BootstrapSettings & { policyPackVersion: string },
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
