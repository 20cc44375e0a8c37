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
  // Not declared in Pulumi.yaml (see there): undefined until set with pulumi config set --secret.
  const accessKeyId = config.getSecret("alibabaCloudAccessKeyId");
  const accessKeySecret = config.getSecret("alibabaCloudAccessKeySecret");
  const problems = stackProblems(stacks);
  const needsAlibaba =
    Array.isArray(stacks) && stacks.some((s) => (s as { alibabaCloud?: unknown }).alibabaCloud);
  if (needsAlibaba && !(accessKeyId && accessKeySecret)) {
    problems.push(
      "alibabaCloudAccessKeyId, alibabaCloudAccessKeySecret: required by a stack with alibabaCloud: true — run pulumi config set --secret for both",
    );
  }
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
        alibabaCloud: stack.alibabaCloud ?? false,
      }),
    ),
    policyPackVersion: config.require("policyPackVersion"),
    alibabaCloud:
      accessKeyId && accessKeySecret
        ? { accessKeyId, accessKeySecret, roleArn: config.get("alibabaCloudRoleArn") || undefined }
        : undefined,
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
