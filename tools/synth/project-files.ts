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
  /**
   * Keys whose value is secret: stored as `secure:`, holding `secure:` values below them (what
   * `pulumi config set --secret --path` writes; the CLI then marks the whole key secret), or filled with a placeholder.
   */
  secretKeys: string[];
  /** Per secret key, the parts below it the file holds in plain text beside its `secure:` ones (`name`, `a.b`, `[0]`). */
  plainParts: Record<string, string[]>;
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
 * secrets (replaced by labelled placeholders, as synth has no key to decrypt them), and declared keys the
 * stack does not set take their Pulumi.yaml default.
 */
export function readStackSettings(root: string, stack: string, project: ProjectFile): StackSettings {
  const file = path.join(root, `Pulumi.${stack}.yaml`);
  if (!fs.existsSync(file))
    throw new StackFileError(`${file} does not exist: create it or pick another --stack`);
  const doc = (parseYamlFile(file) ?? {}) as { config?: Record<string, unknown> };
  const config: Record<string, string> = {};
  const secretKeys: string[] = [];
  const plainParts: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(doc.config ?? {})) {
    const fullKey = key.includes(":") ? key : `${project.name}:${key}`;
    const read = readSecureParts(value, fullKey);
    config[fullKey] = engineValue(read.value);
    if (read.secure) {
      secretKeys.push(fullKey);
      if (read.plain.length > 0) plainParts[fullKey] = read.plain;
    }
  }
  for (const [fullKey, decl] of Object.entries(project.declared)) {
    if (!(fullKey in config) && decl.default !== undefined) config[fullKey] = engineValue(decl.default);
  }
  return { config, secretKeys, plainParts };
}

/** A secret the program needs: a whole key, or one entry of a map of secrets (`variableSecrets.<entry>`). */
export interface NeededSecret {
  fullKey: string;
  entry?: string;
}

/**
 * Adds placeholders for secrets the program needs but the stack file does not hold (they live only in real stacks,
 * or are still to be set), and lists them. An entry is added to its map only while the map is secret or unset: a
 * map in plain text is the program's to refuse.
 */
export function withSecretPlaceholders<T extends NeededSecret>(
  settings: StackSettings,
  needed: readonly T[],
): { settings: StackSettings; missing: T[] } {
  const config = { ...settings.config };
  const secretKeys = new Set(settings.secretKeys);
  const missing: T[] = [];
  for (const secret of needed) {
    const { fullKey, entry } = secret;
    const raw = config[fullKey];
    const unset = raw === undefined || raw === "" || raw === "{}";
    if (entry === undefined) {
      if (!unset) continue;
      config[fullKey] = secretPlaceholder(fullKey);
    } else {
      if (!unset && !secretKeys.has(fullKey)) continue;
      const map = unset ? {} : parseMap(raw);
      if (map === undefined || entry in map) continue;
      map[entry] = secretPlaceholder(`${fullKey}.${entry}`);
      config[fullKey] = JSON.stringify(map);
    }
    secretKeys.add(fullKey);
    missing.push(secret);
  }
  return { settings: { ...settings, config, secretKeys: [...secretKeys].sort() }, missing };
}

function parseMap(raw: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(raw);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The value with every `secure:` part replaced by a placeholder naming its path (synth has no key to decrypt it),
 * whether it had any, and the paths of its plain scalar parts (relative: `name`, `a.b`, `[0]`).
 */
function readSecureParts(value: unknown, path: string): { value: unknown; secure: boolean; plain: string[] } {
  if (isSecure(value)) return { value: secretPlaceholder(path), secure: true, plain: [] };
  if (!Array.isArray(value) && !isObject(value)) return { value, secure: false, plain: [] };
  const entries: Array<[string | number, unknown]> = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  let secure = false;
  const plain: string[] = [];
  const parts = entries.map(([name, v]) => {
    const part = typeof name === "number" ? `[${name}]` : name;
    const read = readSecureParts(v, typeof name === "number" ? `${path}${part}` : `${path}.${part}`);
    secure ||= read.secure;
    const scalar = !read.secure && !Array.isArray(v) && !isObject(v);
    if (scalar) plain.push(part);
    for (const p of read.plain) plain.push(p.startsWith("[") ? `${part}${p}` : `${part}.${p}`);
    return [name, read.value] as const;
  });
  const rebuilt = Array.isArray(value) ? parts.map(([, v]) => v) : Object.fromEntries(parts);
  return { value: rebuilt, secure, plain };
}

function engineValue(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value ?? "");
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
