import type { CacheSettings } from "../../model/config-toml";
import { CACHE_BACKENDS, type CacheImport } from "../../model/fleet";
import { type PathSegment } from "../../model/problems";
import { REASONS } from "./reasons";
import type { NotCarried } from "./types";

type Describe = (path: readonly PathSegment[]) => string;
type Lose = (path: PathSegment[], reason: string) => void;

/** The backends the importers carry a `[runners.cache]` section into, each with how (see CacheImport). */
const IMPORTABLE = Object.entries(CACHE_BACKENDS).flatMap(([type, row]) =>
  "importer" in row ? [{ type, importer: row.importer as CacheImport }] : [],
);
const TABLES = ["azure", "gcs", "s3"] as const;

/** Why a section of another store is not carried: which sections are, and what else becomes a fleet cache. */
const OTHER_STORE =
  `the fleet's cache carries over from [runners.cache] of ` +
  IMPORTABLE.map(
    ({ type, importer }) => `Type ${importer.types.filter(Boolean).join("/")} (cache.type ${type})`,
  ).join(" or ") +
  `, and from a cache claim among the job volumes (cache.type pvc); set any other cache by hand`;

/**
 * `[runners.cache]` → the fleet's `cache`, through the backend that takes the section's type: its fields carry
 * over (credentials never do: they are stack secrets); what the fleet does not offer is listed with its reason.
 */
export function carryCache(
  cache: CacheSettings,
  at: readonly PathSegment[],
  describe: Describe,
  notCarried: NotCarried[],
): Record<string, unknown> | undefined {
  const lose: Lose = (path, reason) => notCarried.push({ path: describe([...at, ...path]), reason });
  if (cache.maxUploadedArchiveSize !== undefined) lose(["maxUploadedArchiveSize"], REASONS.noFleetSetting);
  const target = IMPORTABLE.find(({ importer }) => importer.types.includes(cache.type));
  for (const table of TABLES)
    if (cache[table] !== undefined && table !== target?.importer.table) lose([table], OTHER_STORE);
  if (!target) {
    lose(["type"], OTHER_STORE);
    return undefined;
  }
  return carried(target.type, target.importer, cache, lose);
}

function carried(
  type: string,
  importer: CacheImport,
  cache: CacheSettings,
  lose: Lose,
): Record<string, unknown> | undefined {
  const table = (cache[importer.table] ?? {}) as Record<string, unknown>;
  const result: Record<string, unknown> = { type };
  for (const field of importer.fields) if (table[field] !== undefined) result[field] = table[field];
  if (cache.path !== undefined) result.path = cache.path;
  if (cache.shared !== undefined) result.shared = cache.shared;
  for (const [field, value] of Object.entries(table)) {
    if (value === undefined || importer.fields.includes(field)) continue;
    const credential = importer.credentials.fields.includes(field);
    lose([importer.table, field], credential ? importer.credentials.reason : importer.otherFields);
  }
  return importer.identifiedBy.some((field) => result[field] !== undefined) ? result : undefined;
}
