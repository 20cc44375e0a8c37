import { type Section } from "./section";

export type PathSegment = string | number;

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

/** `kubernetes.volumes.pvc[0].mountPath`; keys that are not bare TOML keys are quoted. */
export function formatPath(segments: readonly PathSegment[]): string {
  let text = "";
  for (const segment of segments) {
    if (typeof segment === "number") text += `[${segment}]`;
    else text += `${text === "" ? "" : "."}${BARE_KEY.test(segment) ? segment : JSON.stringify(segment)}`;
  }
  return text;
}

/** Translates a path of camelCase model fields into the runner's TOML keys, section by section. */
export function toTomlPath(segments: readonly PathSegment[], root: Section): PathSegment[] {
  const translated: PathSegment[] = [];
  let current: Section | undefined = root;
  for (const segment of segments) {
    if (typeof segment === "number" || current === undefined) {
      translated.push(segment);
      continue;
    }
    translated.push(current.keys[segment] ?? segment);
    current = current.nested[segment];
  }
  return translated;
}

/** The section a (camelCase) path leads to, or undefined when the path leaves the known sections. */
export function sectionAt(segments: readonly PathSegment[], root: Section): Section | undefined {
  let current: Section | undefined = root;
  for (const segment of segments) {
    if (typeof segment === "number") continue;
    current = current?.nested[segment];
  }
  return current;
}
