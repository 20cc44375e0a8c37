import {
  CONFIG_SECTION,
  fieldForTomlKey,
  GLOBAL_KEYS_OUTSIDE_MODEL,
  isTable,
  RUNNER_KEYS_OUTSIDE_MODEL,
  type Section,
  type Table,
} from "../../model/config-toml";
import { formatPath, type PathSegment } from "../../model/problems";
import { REASONS } from "./reasons";
import type { NotCarried } from "./types";

/** Values that gitlab-runner register writes and that mean the same as leaving the key out. */
const REGISTER_DEFAULTS: Readonly<Record<string, unknown>> = {
  check_interval: 0,
  shutdown_timeout: 0,
  "session_server.session_timeout": 1800,
  "runners[*].cache.MaxUploadedArchiveSize": 0,
  "runners[*].kubernetes.bearer_token_overwrite_allowed": false,
};

const REGISTRATION_RECORD_KEYS = new Set(["id", "token_obtained_at", "token_expires_at"]);
const EXECUTOR_TABLES = new Set([
  "docker",
  "ssh",
  "parallels",
  "virtualbox",
  "machine",
  "custom",
  "instance",
  "autoscaler",
]);

export interface PruneContext {
  notCarried: NotCarried[];
  /** Names a TOML path in the report, e.g. with a `runners.config: ` prefix for a Helm template. */
  describe: (path: readonly PathSegment[]) => string;
}

/**
 * Drops what has no effect (empty tables, lists and strings, register's defaults) silently, and what the
 * runner accepts but the model leaves out with a reason. Unknown keys stay, so validation can name them.
 */
export function pruneConfigTable(tree: Table, ctx: PruneContext): Table {
  return pruneTable(tree, CONFIG_SECTION, [], ctx);
}

function pruneTable(table: Table, sec: Section, path: readonly PathSegment[], ctx: PruneContext): Table {
  const kept: Table = {};
  for (const [key, value] of Object.entries(table)) {
    const keyPath = [...path, key];
    const field = fieldForTomlKey(sec, key);
    if (field !== undefined && (isEmpty(value) || isRegisterDefault(keyPath, value))) continue;
    if (isPlaceholderUrl(keyPath, value)) {
      ctx.notCarried.push({ path: ctx.describe(keyPath), reason: REASONS.placeholderUrl });
      continue;
    }
    const outside = outsideModelReason(path, key);
    if (outside !== undefined) {
      if (!isEmpty(value)) ctx.notCarried.push({ path: ctx.describe(keyPath), reason: outside });
      continue;
    }
    const pruned = pruneValue(value, field === undefined ? undefined : sec.nested[field], keyPath, ctx);
    if (pruned !== undefined) kept[key] = pruned;
  }
  return kept;
}

function pruneValue(
  value: unknown,
  nested: Section | undefined,
  path: PathSegment[],
  ctx: PruneContext,
): unknown {
  if (nested === undefined) return value;
  if (isTable(value)) {
    const pruned = pruneTable(value, nested, path, ctx);
    return Object.keys(pruned).length === 0 ? undefined : pruned;
  }
  if (Array.isArray(value)) {
    return value.map((item, index) =>
      isTable(item) ? pruneTable(item, nested, [...path, index], ctx) : item,
    );
  }
  return value;
}

/** A `${…}` placeholder left in a published example, such as `url = "${gitlab-url}"`. */
function isPlaceholderUrl(path: readonly PathSegment[], value: unknown): boolean {
  const isRunnerUrl = path.length === 3 && path[0] === "runners" && path[2] === "url";
  return isRunnerUrl && typeof value === "string" && value.includes("${") && !/^https?:\/\//.test(value);
}

function isEmpty(value: unknown): boolean {
  if (value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  return isTable(value) && Object.keys(value).length === 0;
}

function isRegisterDefault(path: readonly PathSegment[], value: unknown): boolean {
  const pattern = formatPath(path.map((segment) => (typeof segment === "number" ? -1 : segment))).replace(
    "[-1]",
    "[*]",
  );
  return Object.hasOwn(REGISTER_DEFAULTS, pattern) && REGISTER_DEFAULTS[pattern] === value;
}

function outsideModelReason(path: readonly PathSegment[], key: string): string | undefined {
  if (path.length === 0)
    return Object.hasOwn(GLOBAL_KEYS_OUTSIDE_MODEL, key) ? REASONS.globalUnsupported : undefined;
  const inRunner = path.length === 2 && path[0] === "runners" && typeof path[1] === "number";
  if (!inRunner || !Object.hasOwn(RUNNER_KEYS_OUTSIDE_MODEL, key)) return undefined;
  if (REGISTRATION_RECORD_KEYS.has(key)) return REASONS.registrationRecord;
  if (EXECUTOR_TABLES.has(key)) return `[runners.${key}]: ${REASONS.otherExecutor}`;
  return REASONS.globalUnsupported;
}
