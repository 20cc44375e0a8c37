import { TARGET_LABELS, UP } from "../../model/monitoring";
import type { RunnerMetric } from "./runner-metrics";

/** The metric names a PromQL expression selects, with the labels matched on each, and the labels it groups by. */
export interface PromqlNames {
  metrics: Map<string, Set<string>>;
  grouping: Set<string>;
}

/** Strings, ranges, durations (`offset 30m`), Grafana variables (`offset $__interval`), names, numbers, operators. */
const TOKEN =
  /\s*("(?:[^"\\]|\\.)*"|\[[^\]]*\]|(?:\d+(?:ms|[smhdwy]))+(?![a-zA-Z0-9_])|\$\w+|[a-zA-Z_:][a-zA-Z0-9_:]*|\d+(?:\.\d+)?|=~|!~|!=|==|>=|<=|[{}(),=<>*/+-])/y;
const GROUPING = new Set(["by", "without", "on", "ignoring", "group_left", "group_right"]);
const KEYWORDS = new Set(["and", "or", "unless", "bool", "offset"]);
/** Aggregations may put their grouping clause before the parenthesis: `sum by (x) (…)`. */
const AGGREGATIONS = new Set([
  "sum",
  "count",
  "min",
  "max",
  "avg",
  "group",
  "stddev",
  "stdvar",
  "topk",
  "bottomk",
  "quantile",
  "count_values",
]);

function tokens(expr: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < expr.length) {
    const match = TOKEN.exec(expr);
    if (!match) throw new Error(`cannot read PromQL at ${JSON.stringify(expr.slice(TOKEN.lastIndex))}`);
    out.push(match[1]);
    if (/^\s*$/.test(expr.slice(TOKEN.lastIndex))) break;
  }
  return out;
}

const isName = (t: string | undefined) => t !== undefined && /^[a-zA-Z_:]/.test(t);

/**
 * Reads the names out of the PromQL this project writes: selectors (`metric{label="v", …}`), function calls and
 * aggregations, grouping clauses (`by (…)`, `on (…)`, `group_left`), ranges and numbers. Not a full parser.
 */
export function promqlNames(expr: string): PromqlNames {
  const t = tokens(expr);
  const metrics = new Map<string, Set<string>>();
  const grouping = new Set<string>();
  for (let i = 0; i < t.length; i++) {
    const token = t[i];
    if (!isName(token)) continue;
    if (GROUPING.has(token)) {
      if (t[i + 1] !== "(") continue;
      for (i += 2; t[i] !== ")"; i++) if (isName(t[i])) grouping.add(t[i]);
    } else if (KEYWORDS.has(token) || AGGREGATIONS.has(token) || t[i + 1] === "(") {
      continue;
    } else {
      const labels = metrics.get(token) ?? new Set<string>();
      metrics.set(token, labels);
      if (t[i + 1] !== "{") continue;
      for (i += 2; t[i] !== "}"; i += 4) {
        labels.add(t[i]);
        if (t[i + 3] !== "," && t[i + 3] !== "}") throw new Error(`unexpected ${t[i + 3]} in ${expr}`);
        if (t[i + 3] === "}") i -= 1;
      }
    }
  }
  return { metrics, grouping };
}

const HISTOGRAM_SERIES = /_(bucket|sum|count)$/;

/**
 * What an expression names that GitLab Runner does not export: metrics outside `known` (besides Prometheus' own
 * `up`), and labels that neither the metrics it selects nor the scrape (TARGET_LABELS, a histogram's `le`) carry.
 */
export function unknownNames(expr: string, known: Record<string, RunnerMetric>): string[] {
  const { metrics, grouping } = promqlNames(expr);
  const problems: string[] = [];
  const available = new Set<string>(TARGET_LABELS);
  for (const [series, matched] of metrics) {
    const family =
      HISTOGRAM_SERIES.test(series) && known[series.replace(HISTOGRAM_SERIES, "")]?.type === "histogram"
        ? series.replace(HISTOGRAM_SERIES, "")
        : series;
    const metric = known[family];
    if (!metric && series !== UP) {
      problems.push(`metric ${series}`);
      continue;
    }
    const own = new Set([
      ...(metric?.labels ?? []),
      ...TARGET_LABELS,
      ...(series.endsWith("_bucket") ? ["le"] : []),
    ]);
    for (const label of own) available.add(label);
    for (const label of matched) if (!own.has(label)) problems.push(`label ${label} of ${series}`);
  }
  for (const label of grouping) if (!available.has(label)) problems.push(`label ${label} (grouped by)`);
  return problems;
}
