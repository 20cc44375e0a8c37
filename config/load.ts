import * as pulumi from "@pulumi/pulumi";
import { ConfigValidationError } from "./problems";
import { PLAIN_KEYS, PROJECT, PlainConfig, SECRET_KEYS, SecretKey, plainConfigSchema } from "./schema";
import { ConfigReader, pulumiConfigReader } from "./reader";
import { crossFieldProblems, requiredSecrets } from "./rules";
import {
  type NeededSecret,
  VARIABLE_SECRETS,
  type VariableSecrets,
  isSet,
  readVariableSecrets,
  secrecyProblems,
  setSecretCommand,
} from "./secrets";
import { closestKey, type Problem, problemsFromZod } from "../model/problems";
import { knownKeysAt } from "./schema-keys";
import { unusedSecretProblems } from "./ack-rules";
import { environmentOf, type Environment } from "../model/environment";
import { gitlabSideProblems } from "./gitlab-side";
import { agentProblems } from "./agent-rules";
import { type GitlabSide, resolveGitlabSide } from "./gitlab-side-load";

export type StackSecrets = { gitlabToken: pulumi.Output<string> } & Partial<
  Record<Exclude<SecretKey, "gitlabToken">, pulumi.Output<string>>
>;

/** The whole stack configuration, validated and typed. Secrets stay secret Outputs. */
export interface StackConfig extends PlainConfig {
  secrets: StackSecrets;
  /** CI/CD variables (values as secrets) and deploy targets, checked. */
  gitlabSide: GitlabSide;
}

const ALL_KEYS: readonly string[] = [...PLAIN_KEYS, ...SECRET_KEYS];

/** Loads and validates every key once; throws one ConfigValidationError listing every problem. */
export function loadStackConfig(
  reader: ConfigReader = pulumiConfigReader(),
  environment: Environment = environmentOf(pulumi.getStack() ?? ""),
): StackConfig {
  const problems: Problem[] = [...unknownKeyProblems(reader), ...secrecyProblems(reader)];
  const { value: plainInput, problems: parseProblems } = readPlainValues(reader);
  problems.push(...parseProblems);

  const parsed = plainConfigSchema.safeParse(plainInput, { reportInput: true });
  if (!parsed.success) {
    const zodProblems = problemsFromZod(parsed.error.issues, {
      prefix: `${PROJECT}:`,
      knownKeys: (path) => knownKeysAt(plainConfigSchema, path),
    });
    // A settings key stored as a secret is reported above; its encrypted parts say nothing more.
    problems.push(...zodProblems.filter((p) => !storedAsSecret(reader, p.path)));
    throw new ConfigValidationError(problems);
  }
  const present = new Set(SECRET_KEYS.filter((k) => isSet(reader.raw(k))));
  const variableSecrets = readVariableSecrets(reader);
  problems.push(
    ...crossFieldProblems(parsed.data),
    ...missingSecretProblems(parsed.data, present, variableSecrets),
    ...invalidVariableSecrets(reader, variableSecrets),
    ...unusedSecretProblems(parsed.data, present),
  );
  problems.push(...gitlabSideProblems(parsed.data), ...agentProblems(parsed.data, environment));
  const gitlab = resolveGitlabSide(parsed.data, reader, environment, variableSecrets);
  problems.push(...gitlab.problems);
  if (problems.length > 0) throw new ConfigValidationError(problems);

  return { ...parsed.data, secrets: readSecrets(reader, present), gitlabSide: gitlab.side };
}

/**
 * The secrets a configuration needs (empty while its plain keys are invalid: loading reports those). Offline synth
 * uses it to put labelled placeholders where a real stack holds encrypted values, and to list those still to set.
 */
export function secretsNeeded(reader: ConfigReader): NeededSecret[] {
  const parsed = plainConfigSchema.safeParse(readPlainValues(reader).value);
  return parsed.success ? requiredSecrets(parsed.data) : [];
}

/**
 * Keys of providers the program configures itself: their stack settings would be ignored (the program's providers
 * are explicit), each with the key that does it here.
 */
const PROVIDER_KEYS_READ_ELSEWHERE: Record<string, string> = {
  gitlab: `${PROJECT}:gitlab (url, caCert) and the gitlabToken secret`,
  kubernetes: `${PROJECT}:cluster (context) and the kubeconfig secret`,
  alicloud: `${PROJECT}:cluster.ackServerless (region, assumeRole); OIDC comes from ALIBABA_CLOUD_OIDC_* in the environment`,
};

function foreignKeyProblems(reader: ConfigReader): Problem[] {
  return reader.foreignKeys().flatMap((fullKey): Problem[] => {
    const [namespace, ...rest] = fullKey.split(":");
    const key = rest.join(":");
    const instead = PROVIDER_KEYS_READ_ELSEWHERE[namespace];
    if (instead) {
      return [
        {
          path: fullKey,
          reason: `is not read: the program builds its ${namespace} provider from its own settings`,
          fix: `remove it and set ${instead}`,
        },
      ];
    }
    if (closestKey(namespace, [PROJECT]) === undefined) return [];
    const guess = closestKey(key, ALL_KEYS) ?? key;
    return [
      {
        path: fullKey,
        reason: `is in the namespace "${namespace}", which nothing reads`,
        fix: `did you mean ${PROJECT}:${guess}? Rename it`,
      },
    ];
  });
}

function unknownKeyProblems(reader: ConfigReader): Problem[] {
  return foreignKeyProblems(reader).concat(projectKeyProblems(reader));
}

function projectKeyProblems(reader: ConfigReader): Problem[] {
  return reader
    .projectKeys()
    .filter((key) => !ALL_KEYS.includes(key))
    .map((key) => {
      const guess = closestKey(key, ALL_KEYS);
      return {
        path: `${PROJECT}:${key}`,
        reason: "unknown configuration key",
        fix: guess
          ? `did you mean ${PROJECT}:${guess}? Rename or remove it`
          : `remove it; known keys are ${ALL_KEYS.join(", ")}`,
      };
    });
}

/** Whether a problem's key path lies in a settings key that is stored as a secret (reported on its own). */
function storedAsSecret(reader: ConfigReader, path: string): boolean {
  const key = /^[^:]+:([A-Za-z]+)/.exec(path)?.[1];
  return key !== undefined && (PLAIN_KEYS as readonly string[]).includes(key) && reader.isSecret(key);
}

/**
 * Objects and arrays arrive as JSON text. A key set to an empty value (the neutral defaults Pulumi.yaml
 * declares) counts as unset, so the defaults in config/defaults.ts apply.
 */
function readPlainValues(reader: ConfigReader): {
  value: Record<string, unknown>;
  problems: Problem[];
} {
  const value: Record<string, unknown> = {};
  const problems: Problem[] = [];
  for (const key of PLAIN_KEYS) {
    const raw = reader.raw(key);
    if (!isSet(raw)) continue;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (!isEmpty(parsed)) value[key] = parsed;
    } catch {
      problems.push({
        path: `${PROJECT}:${key}`,
        reason: `is the text ${JSON.stringify(truncate(raw))}, not a structured value`,
        fix: "write it as a YAML mapping or list under the key in the stack file (see docs/configuration.md)",
      });
    }
  }
  return { value, problems };
}

function missingSecretProblems(
  config: PlainConfig,
  present: Set<SecretKey>,
  variableSecrets: VariableSecrets,
): Problem[] {
  const held = (need: NeededSecret) =>
    need.entry === undefined
      ? present.has(need.key)
      : typeof variableSecrets !== "object" || need.entry in variableSecrets;
  return requiredSecrets(config)
    .filter((need) => !held(need))
    .map(({ key, entry, because, namedAt }) => ({
      path: namedAt ?? `${PROJECT}:${key}`,
      reason:
        entry === undefined
          ? `is required ${because}`
          : `names "${entry}", which ${PROJECT}:${key} does not hold`,
      fix: `run: ${setSecretCommand(key, entry)}`,
    }));
}

function invalidVariableSecrets(reader: ConfigReader, secrets: VariableSecrets): Problem[] {
  if (secrets !== "invalid" || !reader.isSecret(VARIABLE_SECRETS)) return [];
  return [
    {
      path: `${PROJECT}:${VARIABLE_SECRETS}`,
      reason: "must be a map of names to text values",
      fix: `remove it and set each entry with: ${setSecretCommand(VARIABLE_SECRETS, "<name>")}`,
    },
  ];
}

function readSecrets(reader: ConfigReader, present: Set<SecretKey>): StackSecrets {
  const secrets: Partial<Record<SecretKey, pulumi.Output<string>>> = {};
  for (const key of present) secrets[key] = reader.secret(key);
  return secrets as StackSecrets;
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === "object" && Object.keys(value as object).length === 0;
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
