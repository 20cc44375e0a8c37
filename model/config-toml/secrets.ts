import { CACHE_CREDENTIALS, type CacheSettings } from "./cache";
import type { RunnerConfig } from "./global";
import { isEnvReference } from "./primitives";
import { formatPath, type PathSegment, type Problem } from "../problems";

const TOKEN_FIX =
  'reference an environment variable of the runner instead, for example "${RUNNER_TOKEN}" (runner 18.10 and later expand ${VAR} in token and url)';
const ENVIRONMENT_ONLY_FIX =
  "leave it out of config.toml: the runner expands ${VAR} only in token and url, so give the manager the credential " +
  "through its environment (S3: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY with AuthenticationType iam; " +
  "GCS: GOOGLE_APPLICATION_CREDENTIALS)";

/** Secrets written into config.toml in clear: the runner token, the Kubernetes bearer token, cache credentials. */
export function findInlineSecrets(config: RunnerConfig): Problem[] {
  return (config.runners ?? []).flatMap((runner, index) => {
    const at: PathSegment[] = ["runners", index];
    return [
      ...checkToken([...at, "token"], runner.token),
      ...refuse([...at, "kubernetes", "bearerToken"], runner.kubernetes?.bearerToken),
      ...cacheSecrets(runner.cache, [...at, "cache"]),
    ];
  });
}

function cacheSecrets(cache: CacheSettings | undefined, at: readonly PathSegment[]): Problem[] {
  if (!cache) return [];
  return [
    ...CACHE_CREDENTIALS.s3.flatMap((field) => refuse([...at, "s3", field], cache.s3?.[field])),
    ...CACHE_CREDENTIALS.gcs.flatMap((field) => refuse([...at, "gcs", field], cache.gcs?.[field])),
    ...CACHE_CREDENTIALS.azure.flatMap((field) => refuse([...at, "azure", field], cache.azure?.[field])),
  ];
}

/** The token may be a `${VAR}` reference, which the runner expands; a literal token is a secret in clear. */
function checkToken(path: readonly PathSegment[], value: string | undefined): Problem[] {
  if (value === undefined || isEnvReference(value)) return [];
  return [{ path: formatPath(path), reason: "is a secret written inline", fix: TOKEN_FIX }];
}

/** Fields the runner never expands: any value here is a secret in clear, or a reference left unexpanded. */
function refuse(path: readonly PathSegment[], value: string | undefined): Problem[] {
  if (value === undefined) return [];
  const message = isEnvReference(value)
    ? "is a ${VAR} reference the runner does not expand in this field"
    : "is a secret written inline";
  return [{ path: formatPath(path), reason: message, fix: ENVIRONMENT_ONLY_FIX }];
}
