import { CACHE_CREDENTIALS, type CacheSettings } from "./cache";
import type { RunnerConfig } from "./global";
import { formatPath, type PathSegment } from "./paths";
import { isEnvReference } from "./primitives";
import type { Problem } from "./problem";

const FIX =
  'reference an environment variable of the runner instead, for example "${RUNNER_TOKEN}" (runner 18.10 and later expand ${VAR})';

/** Secrets written into config.toml in clear: the runner token, the Kubernetes bearer token, cache credentials. */
export function findInlineSecrets(config: RunnerConfig): Problem[] {
  return (config.runners ?? []).flatMap((runner, index) => {
    const at: PathSegment[] = ["runners", index];
    return [
      ...checkSecret([...at, "token"], runner.token),
      ...checkSecret([...at, "kubernetes", "bearerToken"], runner.kubernetes?.bearerToken),
      ...cacheSecrets(runner.cache, [...at, "cache"]),
    ];
  });
}

function cacheSecrets(cache: CacheSettings | undefined, at: readonly PathSegment[]): Problem[] {
  if (!cache) return [];
  return [
    ...CACHE_CREDENTIALS.s3.flatMap((field) => checkSecret([...at, "s3", field], cache.s3?.[field])),
    ...CACHE_CREDENTIALS.gcs.flatMap((field) => checkSecret([...at, "gcs", field], cache.gcs?.[field])),
    ...CACHE_CREDENTIALS.azure.flatMap((field) => checkSecret([...at, "azure", field], cache.azure?.[field])),
  ];
}

function checkSecret(path: readonly PathSegment[], value: string | undefined): Problem[] {
  if (value === undefined || isEnvReference(value)) return [];
  return [{ path: formatPath(path), message: "is a secret written inline", fix: FIX }];
}
