export type PathSegment = string | number;

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

/** `fleets[1].kubernetes.volumes.pvc[0].mountPath`; keys that are not bare keys are quoted. */
export function formatPath(segments: readonly PathSegment[]): string {
  let text = "";
  for (const segment of segments) {
    if (typeof segment === "number") text += `[${segment}]`;
    else text += `${text === "" ? "" : "."}${BARE_KEY.test(segment) ? segment : JSON.stringify(segment)}`;
  }
  return text;
}

/** `prefix` then `path`, joined the way a key path reads: `fleets[2].kubernetes` + `cpuLimit`, `x` + `[0]`. */
export function joinPath(prefix: string, path: string): string {
  if (prefix === "") return path;
  if (path === "") return prefix;
  return path.startsWith("[") || prefix.endsWith(":") ? `${prefix}${path}` : `${prefix}.${path}`;
}
