import * as pulumi from "@pulumi/pulumi";
import * as ps from "@pulumi/pulumiservice";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  BootstrapSettings,
  EnforcementConfig,
  Environment,
  PlatformStack,
  deploymentSettingsArgs,
  policyGroupArgs,
  stackProblems,
} from "./settings";

function readSettings(): BootstrapSettings {
  const config = new pulumi.Config();
  const stacks = config.requireObject<unknown>("stacks");
  const problems = stackProblems(stacks);
  if (problems.length > 0) throw new Error(`invalid configuration:\n  ${problems.join("\n  ")}`);
  return {
    organization: pulumi.getOrganization(),
    repository: config.require("repository"),
    branch: config.get("branch") || "refs/heads/main",
    platformProject: config.get("platformProject") || "gitlab-ci-platform",
    stacks: (stacks as Array<Partial<PlatformStack> & Pick<PlatformStack, "name" | "environment">>).map(
      (stack) => ({
        ...stack,
        deployOnPush: stack.deployOnPush ?? false,
        reviewStacks: stack.reviewStacks ?? false,
      }),
    ),
    policyPackVersion: config.require("policyPackVersion"),
  };
}

/** The enforcement levels the policy pack ships for one environment (policy/config/<env>.json). */
function enforcementLevels(environment: Environment): EnforcementConfig {
  return JSON.parse(
    readFileSync(join(__dirname, "../policy/config", `${environment}.json`), "utf8"),
  ) as EnforcementConfig;
}

const settings = readSettings();

export const deploymentSettings = settings.stacks.map(
  (stack) =>
    new ps.DeploymentSettings(`settings-${stack.name}`, deploymentSettingsArgs(stack, settings)).stack,
);

const environments = [...new Set(settings.stacks.map((stack) => stack.environment))].sort();
export const policyGroups = environments.map(
  (environment) =>
    new ps.PolicyGroup(
      `policy-${environment}`,
      policyGroupArgs(environment, settings, enforcementLevels(environment)),
    ).name,
);
