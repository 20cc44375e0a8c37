import * as pulumi from "@pulumi/pulumi";
import * as ps from "@pulumi/pulumiservice";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  AlibabaCloudCredentials,
  BootstrapSettings,
  EnforcementConfig,
  deploymentSettingsArgs,
  policyGroupArgs,
  unrunnableReasons,
} from "./settings";
import { type StackFacts, stackFacts } from "./stack-facts";
import { type Environment, platformStack, stackProblems } from "./stacks";

/** The platform repository this bootstrap lives in (its stack files and policy levels are read from there). */
const REPOSITORY_ROOT = join(__dirname, "..");

/** Keys of earlier versions the bootstrap no longer reads, with what replaces them. */
const REPLACED_KEYS: Record<string, string> = {
  alibabaCloudRoleArn:
    "every run of an ACK Serverless stack assumes the role its Pulumi.<stack>.yaml names (cluster.ackServerless.assumeRole) — run pulumi config rm alibabaCloudRoleArn",
};

function alibabaCloudKey(config: pulumi.Config, problems: string[]): AlibabaCloudCredentials | undefined {
  // Not declared in Pulumi.yaml (see there): undefined until set with pulumi config set --secret.
  const accessKeyId = config.getSecret("alibabaCloudAccessKeyId");
  const accessKeySecret = config.getSecret("alibabaCloudAccessKeySecret");
  if (accessKeyId && accessKeySecret) return { accessKeyId, accessKeySecret };
  if (accessKeyId || accessKeySecret)
    problems.push(
      "alibabaCloudAccessKeyId, alibabaCloudAccessKeySecret: only one is set — set both with pulumi config set --secret",
    );
  return undefined;
}

function readSettings(): { settings: BootstrapSettings; facts: Map<string, StackFacts> } {
  const config = new pulumi.Config();
  const entries = config.requireObject<unknown>("stacks");
  const problems = stackProblems(entries);
  for (const [key, instead] of Object.entries(REPLACED_KEYS))
    if (config.get(key) !== undefined) problems.push(`${key}: no longer read: ${instead}`);
  const alibabaCloud = alibabaCloudKey(config, problems);
  const platformProject = config.get("platformProject") || "gitlab-ci-platform";
  const stacks = problems.length ? [] : (entries as Record<string, unknown>[]).map(platformStack);
  const facts = new Map<string, StackFacts>();
  stacks.forEach((stack, index) => {
    const found = stackFacts(REPOSITORY_ROOT, platformProject, stack.name);
    if (found) facts.set(stack.name, found);
    else
      problems.push(
        `stacks[${index}].name: the repository has no Pulumi.${stack.name}.yaml — name a platform stack`,
      );
  });
  if (problems.length > 0) throw new Error(`invalid configuration:\n  ${problems.join("\n  ")}`);
  const settings: BootstrapSettings = {
    organization: pulumi.getOrganization(),
    repository: config.require("repository"),
    branch: config.get("branch") || "refs/heads/main",
    platformProject,
    stacks,
    policyPackVersion: config.get("policyPackVersion") || undefined,
    alibabaCloud,
  };
  return { settings, facts };
}

/** The enforcement levels the policy pack ships for one environment (policy/config/<env>.json). */
function enforcementLevels(environment: Environment): EnforcementConfig {
  return JSON.parse(
    readFileSync(join(REPOSITORY_ROOT, "policy/config", `${environment}.json`), "utf8"),
  ) as EnforcementConfig;
}

const { settings, facts } = readSettings();

export const deploymentSettings = settings.stacks.flatMap((stack) => {
  const stackFacts = facts.get(stack.name)!;
  const reasons = unrunnableReasons(stack, stackFacts, settings.alibabaCloud);
  if (reasons.length > 0) {
    pulumi.log.warn(`stack ${stack.name}: no Deployments (no previews, no updates): ${reasons.join("; ")}`);
    return [];
  }
  return [
    new ps.DeploymentSettings(`settings-${stack.name}`, deploymentSettingsArgs(stack, stackFacts, settings))
      .stack,
  ];
});

const version = settings.policyPackVersion;
if (!version)
  pulumi.log.warn(
    "policyPackVersion is not set: no policy groups, so Deployments runs no policy pack (policy groups need a paid Pulumi Cloud edition)",
  );
else if (settings.stacks.some((stack) => stack.reviewStacks))
  pulumi.log.warn(
    "review stacks join the organization's default policy group, not the gitlab-ci-platform-<env> groups: add the pack to the default group for them to be judged",
  );

const environments = [...new Set(settings.stacks.map((stack) => stack.environment))].sort();
export const policyGroups = version
  ? environments.map(
      (environment) =>
        new ps.PolicyGroup(
          `policy-${environment}`,
          policyGroupArgs(
            environment,
            { ...settings, policyPackVersion: version },
            enforcementLevels(environment),
          ),
        ).name,
    )
  : [];
