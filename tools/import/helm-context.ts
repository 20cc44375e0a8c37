import { isTable, type Table, tomlSegmentsOf } from "../../model/config-toml";
import { formatPath, type PathSegment, type Problem } from "../../model/problems";
import type { FleetExtras } from "./fleet";
import type { NotCarried } from "./types";

/** What the chart's values amount to, collected while walking them. */
export interface HelmContext {
  /** config.toml-shaped tree (TOML keys) of the settings the chart passes to `gitlab-runner register`. */
  tree: Table;
  /** TOML path in `tree` → the chart value it came from, to name chart values in problems. */
  origins: Map<string, string>;
  extras: FleetExtras;
  notCarried: NotCarried[];
  problems: Problem[];
  template?: string;
}

export function newHelmContext(): HelmContext {
  return { tree: {}, origins: new Map(), extras: {}, notCarried: [], problems: [] };
}

/** Sets a model field (camelCase path) in the TOML tree and remembers which chart value it came from. */
export function setModelValue(
  ctx: HelmContext,
  modelPath: readonly PathSegment[],
  value: unknown,
  chartPath: string,
) {
  const segments = tomlSegmentsOf(modelPath);
  let container: Table | unknown[] = ctx.tree;
  segments.slice(0, -1).forEach((segment, index) => {
    container = childContainer(container, segment, typeof segments[index + 1] === "number");
  });
  const last = segments[segments.length - 1];
  (container as Record<PathSegment, unknown>)[last] = value;
  ctx.origins.set(formatPath(segments), chartPath);
}

function childContainer(
  container: Table | unknown[],
  segment: PathSegment,
  wantsArray: boolean,
): Table | unknown[] {
  const holder = container as Record<PathSegment, unknown>;
  const existing = holder[segment];
  if (Array.isArray(existing) || isTable(existing)) return existing;
  const created = wantsArray ? [] : {};
  holder[segment] = created;
  return created;
}

/** Names a TOML path of the merged tree: by the chart value it came from, else inside `runners.config`. */
export function chartPathOf(ctx: HelmContext, tomlPath: string, templatePrefix: string): string {
  let best: [string, string] | undefined;
  for (const [path, chartPath] of ctx.origins) {
    const covers = tomlPath === path || tomlPath.startsWith(`${path}.`) || tomlPath.startsWith(`${path}[`);
    if (covers && (best === undefined || path.length > best[0].length)) best = [path, chartPath];
  }
  return best ? best[1] + tomlPath.slice(best[0].length) : templatePrefix + tomlPath;
}

export function problem(ctx: HelmContext, path: string, message: string, fix?: string) {
  ctx.problems.push(fix === undefined ? { path, reason: message } : { path, reason: message, fix });
}
