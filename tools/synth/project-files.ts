import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";

import { secretPlaceholder } from "../../model/secret-placeholder";

export { secretPlaceholder };

export interface ProjectFile {
  name: string;
  /** Declared config keys (namespaced) and their defaults, if any. */
  declared: Record<string, { default?: unknown }>;
}

export interface StackSettings {
  /** Engine-shaped config: every value a string (objects and arrays as JSON). */
  config: Record<string, string>;
  /** Keys whose value is secret (stored as `secure:` or filled with a placeholder). */
  secretKeys: string[];
}

export class StackFileError extends Error {}

export function readProjectFile(root: string): ProjectFile {
  const file = path.join(root, "Pulumi.yaml");
  const doc = parseYamlFile(file) as { name?: unknown; config?: Record<string, unknown> };
  if (typeof doc?.name !== "string") throw new StackFileError(`${file}: has no project name`);
  const declared: ProjectFile["declared"] = {};
  for (const [key, decl] of Object.entries(doc.config ?? {})) {
    const fullKey = key.includes(":") ? key : `${doc.name}:${key}`;
    declared[fullKey] = isObject(decl) && "default" in decl ? { default: decl.default } : {};
  }
  return { name: doc.name, declared };
}

/**
 * Reads Pulumi.<stack>.yaml the way the CLI does: bare keys belong to the project, `secure:` values are
 * secrets (replaced by labelled placeholders, as synth has no key to decrypt them), also inside an object
 * (`pulumi config set --secret --path 'key.name'`, which makes the whole key secret), and declared keys the
 * stack does not set take their Pulumi.yaml default.
 */
export function readStackSettings(root: string, stack: string, project: ProjectFile): StackSettings {
  const file = path.join(root, `Pulumi.${stack}.yaml`);
  if (!fs.existsSync(file))
    throw new StackFileError(`${file} does not exist: create it or pick another --stack`);
  const doc = (parseYamlFile(file) ?? {}) as { config?: Record<string, unknown> };
  const config: Record<string, string> = {};
  const secretKeys: string[] = [];
  for (const [key, value] of Object.entries(doc.config ?? {})) {
    const fullKey = key.includes(":") ? key : `${project.name}:${key}`;
    if (isSecure(value)) {
      config[fullKey] = secretPlaceholder(fullKey);
      secretKeys.push(fullKey);
    } else if (holdsSecure(value)) {
      config[fullKey] = engineValue(withNestedPlaceholders(value, fullKey));
      secretKeys.push(fullKey);
    } else {
      config[fullKey] = engineValue(value);
    }
  }
  for (const [fullKey, decl] of Object.entries(project.declared)) {
    if (!(fullKey in config) && decl.default !== undefined) config[fullKey] = engineValue(decl.default);
  }
  return { config, secretKeys };
}

/** Adds placeholders for secrets the program needs but the stack does not set (they live only in real stacks). */
export function withSecretPlaceholders(settings: StackSettings, fullKeys: string[]): StackSettings {
  const config = { ...settings.config };
  const secretKeys = [...settings.secretKeys];
  for (const fullKey of fullKeys) {
    if (config[fullKey] !== undefined && config[fullKey] !== "" && config[fullKey] !== "{}") continue;
    config[fullKey] = secretPlaceholder(fullKey);
    secretKeys.push(fullKey);
  }
  return { config, secretKeys: [...new Set(secretKeys)].sort() };
}

function engineValue(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value ?? "");
}

function holdsSecure(value: unknown): boolean {
  if (isSecure(value)) return true;
  if (Array.isArray(value)) return value.some(holdsSecure);
  return isObject(value) && Object.values(value).some(holdsSecure);
}

/** The value with each nested `secure:` replaced by a placeholder named by its path (`key.name`, `key[0]`). */
function withNestedPlaceholders(value: unknown, at: string): unknown {
  if (isSecure(value)) return secretPlaceholder(at);
  if (Array.isArray(value)) return value.map((item, i) => withNestedPlaceholders(item, `${at}[${i}]`));
  if (isObject(value))
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, withNestedPlaceholders(v, `${at}.${k}`)]),
    );
  return value;
}

function isSecure(value: unknown): boolean {
  return isObject(value) && Object.keys(value).length === 1 && "secure" in value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseYamlFile(file: string): unknown {
  try {
    return parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new StackFileError(`${file}: ${(err as Error).message}`);
  }
}

/** The nearest folder holding Pulumi.yaml, from `from` upwards (the repository, also when precompiled). */
export function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "Pulumi.yaml"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no Pulumi.yaml above ${from}`);
  }
}
