import { z } from "../../zod";
import { DEFAULTS } from "../../defaults";
import type { CacheBackend, CacheCredential } from "./backend";
import { azureCache, azureCacheSpec } from "./azure";
import { gcsCache, gcsCacheSpec } from "./gcs";
import { nasCache, nasCacheSpec } from "./nas";
import { noneCache, noneCacheSpec } from "./none";
import { ossCache, ossCacheSpec } from "./oss";
import { pvcCache, pvcCacheSpec } from "./pvc";
import { s3Cache, s3CacheSpec } from "./s3";

/** Where a fleet's jobs keep their cache: one member per backend. */
export const cacheSpecSchema = z
  .discriminatedUnion("type", [
    noneCacheSpec,
    pvcCacheSpec,
    s3CacheSpec,
    nasCacheSpec,
    ossCacheSpec,
    gcsCacheSpec,
    azureCacheSpec,
  ])
  .default({ type: DEFAULTS.fleet.cache.type });

export type CacheSpec = z.output<typeof cacheSpecSchema>;
export type CacheType = CacheSpec["type"];

/** Every member of the cache union has its row, typed by its own spec. */
type CacheBackends = { [T in CacheType]: CacheBackend<Extract<CacheSpec, { type: T }>> };

/** Each cache backend, one row a type: what its cache consists of (see CacheBackend). */
export const CACHE_BACKENDS = {
  none: noneCache,
  pvc: pvcCache,
  s3: s3Cache,
  nas: nasCache,
  oss: ossCache,
  gcs: gcsCache,
  azure: azureCache,
} satisfies CacheBackends;

type Row = (typeof CACHE_BACKENDS)[CacheType];
type StackSecretOf<R> = R extends { stackSecrets: { keys: readonly (infer K)[] } } ? K : never;
/** A stack secret a cache backend reads (`cacheS3AccessKey`, …). */
export type CacheStackSecret = StackSecretOf<Row>;

/** The stack secrets of every cache backend, in the table's order: each a key of the stack file. */
export const CACHE_STACK_SECRETS = Object.values(CACHE_BACKENDS).flatMap((row: Row) =>
  "stackSecrets" in row ? row.stackSecrets.keys : [],
) as readonly CacheStackSecret[];

/** Every cache backend's credential: what its Secret takes of the manager pod (variables, volumes, paths). */
export const CACHE_BACKEND_CREDENTIALS = Object.values(CACHE_BACKENDS).flatMap(
  (row: Row): CacheCredential[] => ("credential" in row ? [row.credential] : []),
);

/** The row of a fleet's cache, typed by the cache it is asked about. */
export function cacheBackend<S extends CacheSpec>(spec: S): CacheBackend<S> {
  // The table's type pairs each type with the row of that type; TypeScript cannot follow an index by a union's tag.
  return CACHE_BACKENDS[spec.type] as unknown as CacheBackend<S>;
}

export type {
  CacheBackend,
  CacheContext,
  CacheCredential,
  CacheImport,
  CacheSummary,
  CacheVolume,
  PodIdentity,
} from "./backend";
export { OSS_CACHE_KEY } from "./oss";
