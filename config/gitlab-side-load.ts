import * as pulumi from "@pulumi/pulumi";
import type { DeployTargetSpec } from "../model/deploy";
import type { Environment } from "../model/environment";
import { checkVariables, type VariableSpec } from "../model/gitlab";
import { formatProblem, type Problem } from "../model/problems";
import { isSecretPlaceholder, secretPlaceholder } from "../model/secret-placeholder";
import { agentSettings, type AgentSettings } from "./agent-side";
import { declaredVariables, deployTargetSpecs, deployVariables } from "./gitlab-side";
import type { ConfigReader } from "./reader";
import { VARIABLE_SECRETS, type VariableSecrets } from "./secrets";
import { PROJECT, type PlainConfig } from "./schema";

/** A CI/CD variable ready to create: a credential's value is a Pulumi secret, a plain value stays plain. */
export interface ResolvedVariable {
  spec: VariableSpec;
  value: pulumi.Output<string>;
}

export interface GitlabSide {
  variables: ResolvedVariable[];
  deployTargets: DeployTargetSpec[];
  /** The GitLab agent for Kubernetes the applications with `access: agent` deploy through, when there is one. */
  agent?: AgentSettings;
  /** Dev-only findings prod refuses (a credential not masked or protected). */
  warnings: string[];
}

/**
 * The stack's CI/CD variables and deploy targets, checked by GitLab's rules with the plaintext where it is known
 * (a value synth stands in for is not). Problems are returned, never thrown, so load reports them with the rest.
 */
export function resolveGitlabSide(
  config: PlainConfig,
  reader: ConfigReader,
  environment: Environment,
  secrets: VariableSecrets,
): { problems: Problem[]; side: GitlabSide } {
  const problems: Problem[] = [];
  const entries = typeof secrets === "object" ? secrets : undefined;
  const declared = declaredVariables(config).map((d) => {
    if (d.secret === "registryPassword") return { ...d, plaintext: known(reader.raw("registryPassword")) };
    if (d.secret === undefined) return { ...d, plaintext: d.value };
    return { ...d, plaintext: known(entries?.[d.secret]) };
  });
  const checks = checkVariables(
    [
      ...declared.map((d) => ({ path: d.path, spec: d.spec, value: d.plaintext, valuePath: d.valuePath })),
      ...deployVariables(config),
    ],
    environment,
  );
  problems.push(...checks.errors);
  const variables = declared.map((d) => ({
    spec: d.spec,
    value: valueOf(d, reader, entries),
  }));
  return {
    problems,
    side: {
      variables,
      deployTargets: deployTargetSpecs(config),
      agent: agentSettings(config),
      warnings: checks.warnings.map(formatProblem),
    },
  };
}

/** A credential's value as a secret; a plain value as it is (it stands in the stack file in plain text). */
function valueOf(
  d: { secret?: string; value?: string },
  reader: ConfigReader,
  entries: Record<string, string> | undefined,
): pulumi.Output<string> {
  if (d.secret === "registryPassword") return reader.secret("registryPassword") ?? pulumi.secret("");
  if (d.secret === undefined) return pulumi.output(d.value ?? "");
  const text = entries?.[d.secret] ?? secretPlaceholder(`${PROJECT}:${VARIABLE_SECRETS}.${d.secret}`);
  return pulumi.secret(text);
}

function known(raw: string | undefined): string | undefined {
  return raw === undefined || isSecretPlaceholder(raw) ? undefined : raw;
}
