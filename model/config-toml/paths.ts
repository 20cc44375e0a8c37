import type { PathSegment } from "../problems";
import { type Section } from "./section";

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
