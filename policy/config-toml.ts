import * as TOML from "@iarna/toml";
import { ResourceView, UNKNOWN, Unknown, asArray, asRecord, at, isSecret, isUnknown } from "./view";

export const CONFIG_MAP_TYPE = "kubernetes:core/v1:ConfigMap";
export const CONFIG_KEY = "config.toml";

export type TomlTable = Record<string, unknown>;

/** A parsed config.toml with every key lower-cased, because the runner matches key names case-insensitively. */
export interface RunnerConfig {
  global: TomlTable;
  runners: TomlTable[];
}

export type ConfigRead =
  { state: "absent" } | { state: "parsed"; config: RunnerConfig } | { state: "unreadable"; reason: string };

function lowerKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowerKeys);
  if (value instanceof Date) return value.toISOString();
  const record = asRecord(value);
  if (!record) return value;
  return Object.fromEntries(
    Object.entries(record).map(([key, item]) => [key.toLowerCase(), lowerKeys(item)]),
  );
}

export function parseRunnerConfig(text: string): RunnerConfig {
  const table = lowerKeys(TOML.parse(text)) as TomlTable;
  return { global: table, runners: asArray(table.runners).map((entry) => asRecord(entry) ?? {}) };
}

/** The config.toml a ConfigMap holds, if any: under the `config.toml` key of `data` (any key case). */
export function readRunnerConfig(configMap: ResourceView): ConfigRead {
  const data = at(configMap.props, "data");
  if (isUnknown(data)) return { state: "unreadable", reason: "data is unknown at preview" };
  const entry = Object.entries(asRecord(data) ?? {}).find(([key]) => key.toLowerCase() === CONFIG_KEY);
  if (!entry) return { state: "absent" };
  const text = entry[1];
  if (isUnknown(text)) return { state: "unreadable", reason: "config.toml is unknown at preview" };
  if (isSecret(text))
    return { state: "unreadable", reason: "config.toml is a secret whose plaintext is hidden" };
  if (typeof text !== "string") return { state: "unreadable", reason: "config.toml is not a string" };
  try {
    return { state: "parsed", config: parseRunnerConfig(text) };
  } catch (error) {
    return {
      state: "unreadable",
      reason: `config.toml does not parse: ${(error as Error).message.split("\n")[0]}`,
    };
  }
}

/** `[runners.kubernetes]` of one `[[runners]]` entry (empty when the entry has none). */
export function kubernetesOf(runner: TomlTable): TomlTable {
  return asRecord(runner.kubernetes) ?? {};
}

/** How a finding names a `[[runners]]` entry: `runners[<i>] ("<name>")`. */
export function runnerPath(runner: TomlTable, index: number): string {
  const name = typeof runner.name === "string" ? ` ("${runner.name}")` : "";
  return `config.toml runners[${index}]${name}`;
}

/** The container security contexts config.toml can set for job pods, by key. */
export const JOB_CONTAINER_CONTEXTS = [
  "build_container_security_context",
  "helper_container_security_context",
  "service_container_security_context",
  "init_permissions_container_security_context",
] as const;

/** A pull policy list from config.toml, which accepts a string or an array. */
export function stringList(value: unknown): string[] | Unknown {
  if (isUnknown(value)) return UNKNOWN;
  if (typeof value === "string") return [value];
  return asArray(value).filter((item): item is string => typeof item === "string");
}
