import { fleetService } from "../../model/monitoring";
import { readRunnerMetricsCopy } from "../helpers/runner-metrics";

const KNOWN = readRunnerMetricsCopy();

/** One manager replica as Prometheus sees it through the fleet's ServiceMonitor. */
export interface Manager {
  fleet: string;
  replica: number;
}

/** The labels a ServiceMonitor's scrape puts on every series of a manager (see model/monitoring/series.ts). */
export function targetLabels(namespace: string, { fleet, replica }: Manager): Record<string, string> {
  return {
    namespace,
    service: fleetService(fleet),
    pod: `${fleet}-runner-${replica}`,
    container: "runner",
    endpoint: "metrics",
    job: fleetService(fleet),
    instance: `10.42.0.${10 + replica}:9252`,
  };
}

/** The runner's own identity labels of a manager, with values shaped like the real scrape's. */
export function runnerLabels({ fleet, replica }: Manager): Record<string, string> {
  return {
    runner: `t1_${fleet.slice(0, 6)}`,
    runner_name: fleet,
    system_id: `s_${(0x1746f8786180 + replica).toString(16)}`,
  };
}

const HISTOGRAM_SERIES = /_(bucket|sum|count)$/;

/**
 * A promtool input series named exactly as GitLab Runner v19.3.0 exports it: `own` must hold every label the
 * reference list gives the metric and no other (a histogram bucket also `le`), or this throws.
 */
export function series(metric: string, own: Record<string, string>, target: Record<string, string>): string {
  const family = HISTOGRAM_SERIES.test(metric) ? metric.replace(HISTOGRAM_SERIES, "") : metric;
  const known = KNOWN[family] ?? KNOWN[metric];
  if (!known?.labels) throw new Error(`${metric} is not a metric GitLab Runner exports with known labels`);
  const expected = [...known.labels, ...(metric.endsWith("_bucket") ? ["le"] : [])].sort();
  const given = Object.keys(own).sort();
  if (expected.join(",") !== given.join(",")) {
    throw new Error(
      `${metric} carries ${expected.join(", ") || "no labels"} in the runner's scrape, not ${given.join(", ")}`,
    );
  }
  const labels = Object.entries({ ...own, ...target })
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${v}"`);
  return `${metric}{${labels.join(",")}}`;
}

/** Prometheus' own `up` series of a target. */
export function up(target: Record<string, string>): string {
  const labels = Object.entries(target)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${v}"`);
  return `up{${labels.join(",")}}`;
}

/** The buckets of GitLab Runner's queue-time histogram (`commands/builds_helper.go`), as the scrape writes `le`. */
export const QUEUE_BUCKETS = ["1", "3", "10", "30", "60", "120", "300", "900", "1800", "3600", "+Inf"];
