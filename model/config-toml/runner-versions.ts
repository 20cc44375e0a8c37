import type { PathSegment } from "../problems";
import KEY_VERSIONS from "./runner-key-versions.json";
import { type Section } from "./section";
import { isTable, type Table } from "./toml-tree";

/** A released GitLab Runner as a stack pins it: `v19.3.0`. */
export type RunnerVersion = `v${number}.${number}.${number}`;

const VERSION = /^v(\d+)\.(\d+)\.(\d+)$/;

export function isRunnerVersion(text: string): text is RunnerVersion {
  return VERSION.test(text);
}

/** The version a stack pins, checked: `v19.3.0`. */
export function runnerVersion(text: string): RunnerVersion {
  if (!isRunnerVersion(text))
    throw new Error(`not a runner version such as v19.3.0: ${JSON.stringify(text)}`);
  return text;
}

function parts(version: RunnerVersion): [number, number, number] {
  const [, major, minor, patch] = VERSION.exec(version) ?? [];
  if (major === undefined) throw new Error(`not a runner version: ${version}`);
  return [Number(major), Number(minor), Number(patch)];
}

/** Negative when a is older than b, 0 when equal, positive when newer. */
export function compareRunnerVersions(a: RunnerVersion, b: RunnerVersion): number {
  const [x, y] = [parts(a), parts(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/**
 * When the runner learned a config.toml key, and when it dropped it (absent while it still reads it). A key is
 * named by its TOML path without array indices: `runners.kubernetes.volumes.pvc.mount_propagation`.
 */
export interface KeyLife {
  introduced: RunnerVersion;
  removed?: RunnerVersion;
}

export type KeyVersionTable = (key: string) => KeyLife | undefined;

/**
 * Every key of the model with the first release that has it (runner-key-versions.json): the first release tag of
 * GitLab Runner whose config structs (common/config.go, cache/cacheconfig) hold the key at that path. No key of
 * the model has been removed from the runner so far.
 */
export const RUNNER_KEY_VERSIONS: KeyVersionTable = (key) => {
  const introduced = lookup(KEY_VERSIONS.introduced, key);
  if (introduced === undefined) return undefined;
  const removed = lookup(KEY_VERSIONS.removed, key);
  return removed === undefined ? { introduced } : { introduced, removed };
};

function lookup(table: Readonly<Record<string, string>>, key: string): RunnerVersion | undefined {
  const version = Object.hasOwn(table, key) ? table[key] : undefined;
  return version !== undefined && isRunnerVersion(version) ? version : undefined;
}

/** Whether `version` reads the key: at or after its introduction and before its removal. */
export function knowsKey(version: RunnerVersion, life: KeyLife): boolean {
  return (
    compareRunnerVersions(version, life.introduced) >= 0 &&
    (life.removed === undefined || compareRunnerVersions(version, life.removed) < 0)
  );
}

/** A key a model value sets that a runner version does not read. */
export interface KeyBeyondVersion {
  /** camelCase model path below the walk's start, with array indices: ["volumes", "pvc", 0, "mountPropagation"]. */
  path: PathSegment[];
  /** The TOML key as the version table names it. */
  key: string;
  life: KeyLife;
}

/**
 * Every key set in `value` (a model table described by `section`, whose TOML path is `tomlPrefix`) that `version`
 * does not read. Free-form maps (pod labels, feature flags) are one key: their entries are data, not keys.
 */
export function keysBeyond(
  version: RunnerVersion,
  value: Table,
  section: Section,
  tomlPrefix: readonly string[],
  table: KeyVersionTable = RUNNER_KEY_VERSIONS,
): KeyBeyondVersion[] {
  const found: KeyBeyondVersion[] = [];
  const walk = (current: Table, sec: Section, toml: readonly string[], path: readonly PathSegment[]) => {
    for (const field of Object.keys(sec.keys)) {
      const fieldValue = current[field];
      if (fieldValue === undefined) continue;
      const key = [...toml, sec.keys[field]].join(".");
      const life = table(key);
      if (!life) throw new Error(`config.toml key ${key} has no entry in the runner version table`);
      if (!knowsKey(version, life)) {
        // The table's keys come with it: naming the table says it all.
        found.push({ path: [...path, field], key, life });
        continue;
      }
      const nested = sec.nested[field];
      if (!nested) continue;
      const tomlHere = [...toml, sec.keys[field]];
      if (isTable(fieldValue)) walk(fieldValue, nested, tomlHere, [...path, field]);
      else if (Array.isArray(fieldValue))
        fieldValue.forEach((item, index) => {
          if (isTable(item)) walk(item, nested, tomlHere, [...path, field, index]);
        });
    }
  };
  walk(value, section, tomlPrefix, []);
  return found;
}

/** The releases that read a key: "v19.4.0 or later", or "a release from v1.2.0 before v17.0.0". */
export function versionNeeded(life: KeyLife): string {
  return life.removed === undefined
    ? `${life.introduced} or later`
    : `a release from ${life.introduced} before ${life.removed}`;
}
