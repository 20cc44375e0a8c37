import type { Problem } from "../model/problems";
import { isSecretPlaceholder } from "../model/secret-placeholder";
import type { ConfigReader } from "./reader";
import { PLAIN_KEYS, PROJECT, SECRET_KEYS, type PlainConfig, type SecretKey } from "./schema";

/** The map of CI/CD variable values, one secret entry per name. */
export const VARIABLE_SECRETS = "variableSecrets" satisfies SecretKey;

/** How to set a secret: one command, the same in every message and listing. */
export function setSecretCommand(key: SecretKey, entry?: string): string {
  return entry === undefined
    ? `pulumi config set --secret ${key} <value>`
    : `pulumi config set --secret --path '${key}.${entry}' <value>`;
}

/** A secret the configuration needs: a whole key, or one entry of variableSecrets. */
export interface NeededSecret {
  key: SecretKey;
  entry?: string;
  /** Why, as a clause: "because registry is set". */
  because: string;
  /** The key path that names it, where that is not the secret's own key (`variables[0].secret`). */
  namedAt?: string;
}

/**
 * The variableSecrets map as the program receives it: its entries (values may be placeholders offline synth put in
 * for secrets it cannot decrypt), "unknown" when synth stands in for the whole map, "invalid" when it is no map.
 */
export type VariableSecrets = Record<string, string> | "unknown" | "invalid";

export function readVariableSecrets(reader: ConfigReader): VariableSecrets {
  const raw = reader.raw(VARIABLE_SECRETS);
  if (raw === undefined || raw === "") return {};
  if (isSecretPlaceholder(raw)) return "unknown";
  try {
    const parsed: unknown = JSON.parse(raw);
    if (isStringMap(parsed)) return parsed;
  } catch {
    // "invalid" below
  }
  return "invalid";
}

/** The secrets' key paths of the stack file that are not where they belong, each with one fix. */
export function secrecyProblems(reader: ConfigReader): Problem[] {
  return [
    ...SECRET_KEYS.flatMap((key) => plainSecretProblems(reader, key)),
    ...PLAIN_KEYS.filter((key) => isSet(reader.raw(key)) && reader.isSecret(key)).map((key) =>
      secretPlainKeyProblem(reader, key),
    ),
  ];
}

function plainSecretProblems(reader: ConfigReader, key: SecretKey): Problem[] {
  const raw = reader.raw(key);
  if (!isSet(raw)) return [];
  const entries = key === VARIABLE_SECRETS ? mapEntries(raw) : undefined;
  const plain: Array<string | undefined> = reader.isSecret(key)
    ? reader.plainTextParts(key)
    : (entries ?? [undefined]);
  return plain.map((entry) => ({
    path: `${PROJECT}:${key}${entry === undefined ? "" : `.${entry}`}`,
    reason: "is stored in plain text",
    fix: `remove it from the stack file and run: ${setSecretCommand(key, entry)}`,
  }));
}

/** A settings key set with --secret: its value must stay readable in review. */
function secretPlainKeyProblem(reader: ConfigReader, key: string): Problem {
  const parts = placeholderPaths(reader.raw(key));
  const command =
    parts.length > 0
      ? parts.map((p) => `pulumi config set --path '${p}' <value>`).join(", then ")
      : `pulumi config set ${key} <value> (with --path for a part of it)`;
  return {
    path: `${PROJECT}:${key}`,
    reason:
      "is not a secret, but is stored as one: its settings must stay readable in review, and secret values have keys of their own",
    fix: `set it without --secret: ${command}; secret keys are ${SECRET_KEYS.join(", ")}`,
  };
}

/** Where offline synth put placeholders for `secure:` parts of a value (`gitlab.url`), as key paths. */
function placeholderPaths(raw: string | undefined): string[] {
  const found = raw?.match(/\[secret [^\]\s]+\]/g) ?? [];
  return found.map((p) => p.slice("[secret ".length, -1).replace(`${PROJECT}:`, ""));
}

function mapEntries(raw: string): string[] | undefined {
  try {
    const parsed: unknown = JSON.parse(raw);
    return isObject(parsed) && Object.keys(parsed).length > 0 ? Object.keys(parsed).sort() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The entries of variableSecrets the variables name, each with the variable that needs it. `secret: registryPassword`
 * is the registry's own secret key, not an entry.
 */
export function variableSecretNeeds(config: PlainConfig): NeededSecret[] {
  return config.variables.flatMap((v, i): NeededSecret[] => {
    if (v.secret === undefined) return [];
    const because = `because variables[${i}] (${v.key}) takes its value from it`;
    const namedAt = `${PROJECT}:variables[${i}].secret`;
    return v.secret === "registryPassword"
      ? [{ key: "registryPassword", because, namedAt }]
      : [{ key: VARIABLE_SECRETS, entry: v.secret, because, namedAt }];
  });
}

/** Unset, or the empty value Pulumi.yaml declares as the default ("", or {} for a map of secrets). */
export function isSet(raw: string | undefined): raw is string {
  return raw !== undefined && raw !== "" && raw !== "{}";
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isStringMap(value: unknown): value is Record<string, string> {
  return isObject(value) && Object.values(value).every((v) => typeof v === "string");
}
