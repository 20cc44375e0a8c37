import { CACHE_CREDENTIALS, type CacheSettings } from "../../model/config-toml";
import { type PathSegment } from "../../model/problems";
import { REASONS } from "./reasons";
import type { NotCarried } from "./types";

type Describe = (path: readonly PathSegment[]) => string;

/** S3 fields the fleet's `cache: {type: s3}` has, under the same names. */
const S3_FIELDS = ["serverAddress", "bucketName", "bucketLocation", "insecure", "pathStyle"] as const;

/**
 * `[runners.cache]` → the fleet's `cache`: an S3-compatible bucket carries over (credentials never do: they are
 * stack secrets); GCS, Azure and S3 options the fleet does not offer are listed with their reason.
 */
export function carryCache(
  cache: CacheSettings,
  at: readonly PathSegment[],
  describe: Describe,
  notCarried: NotCarried[],
): Record<string, unknown> | undefined {
  const lose = (path: PathSegment[], reason: string) =>
    notCarried.push({ path: describe([...at, ...path]), reason });
  if (cache.azure !== undefined) lose(["azure"], REASONS.cacheStore);
  if (cache.maxUploadedArchiveSize !== undefined) lose(["maxUploadedArchiveSize"], REASONS.noFleetSetting);
  if (cache.type === "gcs") return carryGcs(cache, lose);
  if (cache.gcs !== undefined) lose(["gcs"], REASONS.cacheStore);
  const isS3 = cache.type === undefined || cache.type === "s3" || cache.type === "s3v2";
  if (!isS3) {
    lose(["type"], REASONS.cacheStore);
    return undefined;
  }
  const s3 = (cache.s3 ?? {}) as Record<string, unknown>;
  const carried: Record<string, unknown> = { type: "s3" };
  for (const field of S3_FIELDS) if (s3[field] !== undefined) carried[field] = s3[field];
  if (cache.path !== undefined) carried.path = cache.path;
  if (cache.shared !== undefined) carried.shared = cache.shared;
  for (const [field, value] of Object.entries(s3)) {
    if (value === undefined || (S3_FIELDS as readonly string[]).includes(field)) continue;
    const credential = (CACHE_CREDENTIALS.s3 as readonly string[]).includes(field);
    lose(["s3", field], credential ? REASONS.cacheCredentials : REASONS.cacheS3Option);
  }
  return carried.bucketName === undefined && carried.serverAddress === undefined ? undefined : carried;
}

/** A GCS bucket carries over; its key (inline or as a file) is a stack secret, never config. */
function carryGcs(
  cache: CacheSettings,
  lose: (path: PathSegment[], reason: string) => void,
): Record<string, unknown> | undefined {
  const gcs = cache.gcs ?? {};
  for (const field of ["accessId", "privateKey", "credentialsFile"] as const)
    if (gcs[field] !== undefined) lose(["gcs", field], REASONS.cacheGcsCredentials);
  if (gcs.universeDomain !== undefined) lose(["gcs", "universeDomain"], REASONS.noFleetSetting);
  if (gcs.bucketName === undefined) return undefined;
  const carried: Record<string, unknown> = { type: "gcs", bucketName: gcs.bucketName };
  if (cache.path !== undefined) carried.path = cache.path;
  if (cache.shared !== undefined) carried.shared = cache.shared;
  return carried;
}
