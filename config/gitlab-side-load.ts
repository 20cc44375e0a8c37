import * as pulumi from "@pulumi/pulumi";
import type { DeployTargetSpec } from "../model/deploy";
import type { Environment } from "../model/environment";
import { checkVariables, type VariableSpec } from "../model/gitlab";
import { formatProblem, type Problem } from "../model/problems";
import { isSecretPlaceholder } from "../model/secret-placeholder";
import { declaredVariables, deployTargetSpecs, deployVariables } from "./gitlab-side";
import type { ConfigReader } from "./reader";
import { PROJECT, type PlainConfig } from "./schema";

/** A CI/CD variable ready to create: its value is always a Pulumi secret. */
export interface ResolvedVariable {
  spec: VariableSpec;
  value: pulumi.Output<string>;
}

export interface GitlabSide {
  variables: ResolvedVariable[];
  deployTargets: DeployTargetSpec[];
  /** Dev-only findings prod refuses (a credential not masked or protected). */
  warnings: string[];
}

const SECRETS_KEY = "variableSecrets";

/**
 * The stack's CI/CD variables and deploy targets, checked by GitLab's rules with the plaintext where it is known
 * (a value synth stands in for is not). Problems are returned, never thrown, so load reports them with the rest.
 */
export function resolveGitlabSide(
  config: PlainConfig,
  reader: ConfigReader,
  environment: Environment,
): { problems: Problem[]; side: GitlabSide } {
  const problems: Problem[] = [];
  const secrets = readVariableSecrets(reader, problems);
  const declared = declaredVariables(config).map((d) => {
    if (d.secret === "registryPassword") return { ...d, plaintext: known(reader.raw("registryPassword")) };
    if (d.secret === undefined) return { ...d, plaintext: d.value };
    if (secrets !== "unknown" && !(d.secret in secrets)) {
      problems.push({
        path: `${d.path}.secret`,
        reason: `names "${d.secret}", which ${PROJECT}:${SECRETS_KEY} does not hold`,
        fix: `run: pulumi config set --secret --path '${PROJECT}:${SECRETS_KEY}.${d.secret}' <value>`,
      });
    }
    return { ...d, plaintext: secrets === "unknown" ? undefined : known(secrets[d.secret]) };
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
    value: valueOf(d, reader, secrets),
  }));
  return {
    problems,
    side: {
      variables,
      deployTargets: deployTargetSpecs(config),
      warnings: checks.warnings.map(formatProblem),
    },
  };
}

function valueOf(
  d: { secret?: string; value?: string },
  reader: ConfigReader,
  secrets: Record<string, string> | "unknown",
): pulumi.Output<string> {
  if (d.secret === "registryPassword") return reader.secret("registryPassword") ?? pulumi.secret("");
  if (d.secret === undefined) return pulumi.secret(d.value ?? "");
  const text = secrets === "unknown" ? `[secret ${PROJECT}:${SECRETS_KEY}.${d.secret}]` : secrets[d.secret];
  return pulumi.secret(text ?? "");
}

function known(raw: string | undefined): string | undefined {
  return raw === undefined || isSecretPlaceholder(raw) ? undefined : raw;
}

/** The variableSecrets map; "unknown" when offline synth stands in for it; a problem when it is no map. */
function readVariableSecrets(reader: ConfigReader, problems: Problem[]): Record<string, string> | "unknown" {
  const raw = reader.raw(SECRETS_KEY);
  if (raw === undefined || raw === "") return {};
  if (isSecretPlaceholder(raw)) return "unknown";
  try {
    const parsed: unknown = JSON.parse(raw);
    if (isStringMap(parsed)) return parsed;
  } catch {
    // reported below
  }
  problems.push({
    path: `${PROJECT}:${SECRETS_KEY}`,
    reason: "must be a map of names to text values",
    fix: `set each entry with: pulumi config set --secret --path '${PROJECT}:${SECRETS_KEY}.<name>' <value>`,
  });
  return {};
}

function isStringMap(value: unknown): value is Record<string, string> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === "string")
  );
}
