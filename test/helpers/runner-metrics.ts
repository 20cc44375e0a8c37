import * as fs from "node:fs";
import * as path from "node:path";

/** One metric GitLab Runner exports: its type and label names (null where the list says "see source"). */
export interface RunnerMetric {
  type: string;
  labels: string[] | null;
}

/** The checked-in copy of the reference list, for tests that run without ../shared/reference. */
export const RUNNER_METRICS_COPY = path.resolve(__dirname, "../fixtures/monitoring/runner-metrics.json");

export function readRunnerMetricsCopy(): Record<string, RunnerMetric> {
  return (
    JSON.parse(fs.readFileSync(RUNNER_METRICS_COPY, "utf8")) as { metrics: Record<string, RunnerMetric> }
  ).metrics;
}

/**
 * The metrics of `gitlab-runner-metrics.md`: every table row `| name | type | labels | help |`. A row may name
 * several metrics (`a` / `_b`, or `a`, `_b`: suffixes of the first one's stem).
 */
export function parseRunnerMetricsList(markdown: string): Record<string, RunnerMetric> {
  const metrics: Record<string, RunnerMetric> = {};
  for (const line of markdown.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    if (cells.length < 5 || !cells[1].startsWith("`gitlab_runner_")) continue;
    const [, nameCell, typeCell, labelCell] = cells;
    const names = [...nameCell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    const labels = labelCell === "—" ? [] : labelCell.startsWith("(") ? null : labelCell.split(/,\s*/);
    const type = typeCell.split(" ")[0];
    for (const name of names)
      metrics[name.startsWith("_") ? withSuffix(names[0], name) : name] = { type, labels };
  }
  return metrics;
}

/** `a_b_c_total` with the suffix `_d_total` is `a_b_d_total`: the suffix replaces as many parts as it has. */
function withSuffix(first: string, suffix: string): string {
  const parts = first.split("_");
  return `${parts.slice(0, parts.length - (suffix.split("_").length - 1)).join("_")}${suffix}`;
}

/** Metric names and label names of a raw `/metrics` scrape (histogram series under their family's name). */
export function parseScrape(text: string): Record<string, Set<string>> {
  const families: Record<string, Set<string>> = {};
  const types = new Map<string, string>();
  for (const line of text.split("\n")) {
    const type = /^# TYPE (\S+) (\S+)/.exec(line);
    if (type) types.set(type[1], type[2]);
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{([^}]*)\})? /.exec(line);
    if (!sample) continue;
    const family =
      [...types.keys()].find(
        (f) =>
          sample[1] === f ||
          (/^_(bucket|sum|count)$/.test(sample[1].slice(f.length)) && sample[1].startsWith(f)),
      ) ?? sample[1];
    const labels = (families[family] ??= new Set());
    for (const [, label] of (sample[2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="/g))
      if (label !== "le") labels.add(label);
  }
  return families;
}
