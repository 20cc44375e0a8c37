import { ALERTS, type MonitoringSpec } from "../../model/monitoring";
import { type Manager, QUEUE_BUCKETS, runnerLabels, series, targetLabels, up } from "./scrape-series";

/** The fleet the cases watch: two managers of four jobs each, the defaults otherwise. */
export const SPEC: MonitoringSpec = {
  stack: "alerts-test",
  managerNamespace: "gitlab-runner",
  fleets: [
    { name: "k8s", concurrent: 4, replicas: 2, checkInterval: 3 },
    { name: "kaniko", concurrent: 2, replicas: 1, checkInterval: 3 },
  ],
  overrides: { kaniko: { saturated: { jobs: 1, for: "5m" } } },
  runbookUrl: "https://gitlab.example.com/platform/gitlab-ci-platform/-/blob/main/docs/alerts.md",
};

const NS = SPEC.managerNamespace;
const K0: Manager = { fleet: "k8s", replica: 0 };
const K1: Manager = { fleet: "k8s", replica: 1 };
const KANIKO: Manager = { fleet: "kaniko", replica: 0 };

export interface InputSeries {
  series: string;
  values: string;
}

/** One promtool case: series shaped like the scrape, and the alerts expected at `evalTime` (none: silent). */
export interface AlertCase {
  name: string;
  alert: string;
  input: InputSeries[];
  evalTime: string;
  /** The labels of each alert, and its description as Prometheus renders the template. */
  expected: { labels: Record<string, string>; description: string }[];
}

const t = (m: Manager) => targetLabels(NS, m);
const r = (m: Manager) => runnerLabels(m);
const fleetLabels = (fleet: string, severity: string) => ({ fleet, namespace: NS, severity });
const byFleet = (fleet: string) => ({ service: `${fleet}-runner-metrics` });
/** Fleet k8s's JobsFailing alert for a reason, with the share of finished jobs Prometheus renders. */
const k8sJobsFailing = (reason: string, share: string) => ({
  labels: { ...fleetLabels("k8s", "warning"), ...byFleet("k8s"), failure_reason: reason },
  description: `${share} of the jobs fleet k8s finished in the last 30 minutes failed with ${reason} (threshold 10%).`,
});

/** Fleet k8s's ManagerDown alert with this many of its 2 managers scraped. */
const k8sManagerDown = (scraped: number) => ({
  labels: fleetLabels("k8s", "warning"),
  description: `${scraped} of fleet k8s's 2 manager replica(s) can be scraped; with none, the fleet takes no jobs.`,
});
const k8sFleetDown = {
  labels: fleetLabels("k8s", "critical"),
  description: "None of fleet k8s's 2 manager replica(s) can be scraped: the fleet takes no jobs.",
};

const jobs = (m: Manager, running: number, values = `${running}x40`): InputSeries => ({
  series: series(
    "gitlab_runner_jobs",
    { ...r(m), state: "running", stage: "step_script", executor_stage: "prepare" },
    t(m),
  ),
  values,
});
const idle = (m: Manager): InputSeries => ({
  series: series(
    "gitlab_runner_jobs",
    { ...r(m), state: "idle", stage: "idle", executor_stage: "idle" },
    t(m),
  ),
  values: "0x40",
});
const limit = (m: Manager, value: number): InputSeries => ({
  series: series("gitlab_runner_limit", r(m), t(m)),
  values: `${value}x40`,
});
const { runner, system_id } = r(K0);

/** Queue-time buckets of jobs that all waited between `above` and the next bucket's bound. */
function queued(m: Manager, above: string): InputSeries[] {
  const from = QUEUE_BUCKETS.indexOf(above);
  return QUEUE_BUCKETS.map((le, i) => ({
    series: series(
      "gitlab_runner_job_queue_duration_seconds_bucket",
      { ...r(m), project_jobs_running: "1", le },
      t(m),
    ),
    values: i > from ? "0+2x40" : "0x40",
  }));
}

const statuses = (m: Manager, status: string, values: string): InputSeries => ({
  series: series(
    "gitlab_runner_api_request_statuses_total",
    { runner, system_id, endpoint: "request_job", method: "post", status },
    t(m),
  ),
  values,
});
const feeds = (m: Manager, values: string): InputSeries => ({
  series: series("gitlab_runner_worker_feeds_total", r(m), t(m)),
  values,
});
const state = (m: Manager, value: string): InputSeries => ({
  series: series("gitlab_runner_process_state_info", { state: value }, t(m)),
  values: "1x40",
});
export const failed = (reason: string, values: string, m: Manager = K0): InputSeries => ({
  series: series(
    "gitlab_runner_failed_jobs_total",
    { runner, runner_name: m.fleet, failure_reason: reason, mode: "traditional" },
    t(m),
  ),
  values,
});
/** Jobs a manager took (the runner counts a job when it starts it). */
const started = (m: Manager, values: string): InputSeries => ({
  series: series("gitlab_runner_jobs_total", r(m), t(m)),
  values,
});
/** Jobs a manager finished: the count of its job-duration histogram, created at the first job's end, at 1. */
const finished = (m: Manager, values: string): InputSeries => ({
  series: series("gitlab_runner_job_duration_seconds_count", { ...r(m), mode: "traditional" }, t(m)),
  values,
});
const scraped = (m: Manager, value: number): InputSeries => ({ series: up(t(m)), values: `${value}x40` });

const A = ALERTS;

export const CASES: AlertCase[] = [
  {
    name: "both managers at concurrent for 20 minutes",
    alert: A.saturated.name,
    input: [jobs(K0, 4), jobs(K1, 4), idle(K0), idle(K1), limit(K0, 4), limit(K1, 4)],
    evalTime: "20m",
    expected: [
      {
        labels: { ...fleetLabels("k8s", "warning"), ...byFleet("k8s") },
        description:
          "Fleet k8s runs 8 job(s), 4 per running manager (concurrent: 4); further jobs wait in GitLab's queue.",
      },
    ],
  },
  {
    name: "one manager below concurrent",
    alert: A.saturated.name,
    input: [jobs(K0, 4), jobs(K1, 3), limit(K0, 4), limit(K1, 4)],
    evalTime: "20m",
    expected: [],
  },
  {
    name: "kaniko's override: one job for 5 minutes",
    alert: A.saturated.name,
    input: [jobs(KANIKO, 1), limit(KANIKO, 2)],
    evalTime: "10m",
    expected: [
      {
        labels: { ...fleetLabels("kaniko", "warning"), ...byFleet("kaniko") },
        description:
          "Fleet kaniko runs 1 job(s), 1 per running manager (concurrent: 2); further jobs wait in GitLab's queue.",
      },
    ],
  },
  {
    name: "jobs waited 15 to 30 minutes",
    alert: A.queueing.name,
    input: queued(K0, "900"),
    evalTime: "25m",
    expected: [
      {
        labels: { ...fleetLabels("k8s", "warning"), ...byFleet("k8s") },
        description:
          "One job in ten picked up by fleet k8s in the last 10 minutes had waited more than 28m 30s (threshold 5m).",
      },
    ],
  },
  {
    name: "jobs waited under 30 seconds",
    alert: A.queueing.name,
    input: queued(K0, "10"),
    evalTime: "25m",
    expected: [],
  },
  {
    name: "a third of the requests get no answer",
    alert: A.requestsFailing.name,
    input: [statuses(K0, "-1", "0+1x40"), statuses(K0, "204", "0+2x40")],
    evalTime: "20m",
    expected: [
      {
        labels: { ...fleetLabels("k8s", "critical"), ...byFleet("k8s") },
        description:
          "33.33% of fleet k8s's API requests in the last 5 minutes got no answer, were refused (401, 403), rate-limited (429) or failed in GitLab (5xx); threshold 10%.",
      },
    ],
  },
  {
    name: "every request answered (201 and 204), none refused",
    alert: A.requestsFailing.name,
    input: [statuses(K0, "-1", "4x40"), statuses(K0, "204", "0+4x40"), statuses(K0, "201", "0+1x40")],
    evalTime: "20m",
    expected: [],
  },
  {
    name: "a running manager with free slots stops feeding its workers",
    alert: A.stalled.name,
    input: [feeds(K0, "0+20x5 100x35"), state(K0, "running"), jobs(K0, 1)],
    evalTime: "20m",
    expected: [
      {
        labels: { ...fleetLabels("k8s", "critical"), ...byFleet("k8s"), pod: "k8s-runner-0" },
        description:
          "Manager k8s-runner-0 of fleet k8s is running, has free capacity and has not looked for a job in 5m (it looks every 3 s): its token is missing, or it was marked unhealthy after requests GitLab refused or it could not make.",
      },
    ],
  },
  {
    name: "a manager that keeps looking for jobs",
    alert: A.stalled.name,
    input: [feeds(K0, "0+20x40"), state(K0, "running"), jobs(K0, 1)],
    evalTime: "20m",
    expected: [],
  },
  {
    name: "a manager with every slot busy feeds no worker",
    alert: A.stalled.name,
    input: [feeds(K0, "0+20x5 100x35"), state(K0, "running"), jobs(K0, 4)],
    evalTime: "20m",
    expected: [],
  },
  {
    name: "a manager draining its jobs after SIGQUIT",
    alert: A.stalled.name,
    input: [feeds(K0, "0+20x5 100x35"), state(K0, "graceful-shutdown"), jobs(K0, 1)],
    evalTime: "20m",
    expected: [],
  },
  {
    name: "a config.toml that fails to load",
    alert: A.configReload.name,
    input: [
      { series: series("gitlab_runner_configuration_loading_error_total", {}, t(K1)), values: "0x5 1x35" },
      { series: series("gitlab_runner_configuration_loaded_total", {}, t(K1)), values: "1x40" },
    ],
    evalTime: "10m",
    expected: [
      {
        labels: { ...fleetLabels("k8s", "warning"), ...t(K1) },
        description:
          "Manager k8s-runner-1 of fleet k8s failed to load config.toml 1 time(s) in the last 15 minutes and keeps running with the configuration it loaded before. The runner reads the file again only when it changes, so this alert resolves after 15 minutes even while the file stays broken.",
      },
    ],
  },
  {
    name: "config.toml reloads that succeed",
    alert: A.configReload.name,
    input: [
      { series: series("gitlab_runner_configuration_loading_error_total", {}, t(K1)), values: "0x40" },
      { series: series("gitlab_runner_configuration_loaded_total", {}, t(K1)), values: "1+1x40" },
    ],
    evalTime: "10m",
    expected: [],
  },
  {
    name: "half the jobs fail with runner_system_failure",
    alert: A.jobsFailing.name,
    input: [finished(K0, "1+2x40"), failed("runner_system_failure", "1+1x40", K0)],
    evalTime: "35m",
    expected: [k8sJobsFailing("runner_system_failure", "50%")],
  },
  {
    // The runner creates a reason's series at its first failure, at 1: two such, one on each manager, are 2 of 12.
    name: "the first failure of a reason on each of two managers",
    alert: A.jobsFailing.name,
    input: [
      finished(K0, "0+0.2x60"),
      finished(K1, "0+0.2x60"),
      failed("runner_system_failure", "_x20 1x40", K0),
      failed("runner_system_failure", "_x22 1x38", K1),
    ],
    evalTime: "45m",
    expected: [k8sJobsFailing("runner_system_failure", "16.67%")],
  },
  {
    // ClassifyImagePullFailure: a registry that does not resolve or answer is an external dependency's failure.
    name: "image pulls fail on the registry's DNS: runner_external_dependency_failure",
    alert: A.jobsFailing.name,
    input: [finished(K0, "1+2x40"), failed("runner_external_dependency_failure", "_x5 1+1x35", K0)],
    evalTime: "35m",
    expected: [k8sJobsFailing("runner_external_dependency_failure", "50%")],
  },
  {
    // A restarted runner starts its counters again: the series drops from 20 to 1 and grows on.
    name: "a manager restarts while jobs keep failing with runner_interrupted",
    alert: A.jobsFailing.name,
    input: [finished(K0, "0+2x20 _x2 1+2x20"), failed("runner_interrupted", "0+1x20 _x2 1+1x20", K0)],
    evalTime: "40m",
    expected: [
      {
        labels: { ...fleetLabels("k8s", "warning"), ...byFleet("k8s"), failure_reason: "runner_interrupted" },
        description:
          "50.91% of the jobs fleet k8s finished in the last 30 minutes failed with runner_interrupted (threshold 10%).",
      },
    ],
  },
  {
    name: "half the jobs fail in their own script",
    alert: A.jobsFailing.name,
    input: [finished(K0, "1+2x40"), failed("script_failure", "1+1x40", K0)],
    evalTime: "35m",
    expected: [],
  },
  {
    // Images that do not exist or are private: the job's own configuration.
    name: "half the jobs name an image that does not exist: runner_configuration_error",
    alert: A.jobsFailing.name,
    input: [finished(K0, "1+2x40"), failed("runner_configuration_error", "1+1x40", K0)],
    evalTime: "35m",
    expected: [],
  },
  {
    // Failures count when a job ends: 2 of the 6 jobs that ended, though 300 started (gitlab_runner_jobs_total).
    name: "long jobs: many started, few finished, a third of those failed",
    alert: A.jobsFailing.name,
    input: [
      started(K0, "0+10x40"),
      finished(K0, "0+0.2x40"),
      failed("runner_system_failure", "_x10 1x10 2x20", K0),
    ],
    evalTime: "35m",
    expected: [k8sJobsFailing("runner_system_failure", "33.33%")],
  },
  {
    name: "one of two managers cannot be scraped",
    alert: A.managerDown.name,
    input: [scraped(K0, 1), scraped(K1, 0), scraped(KANIKO, 1)],
    evalTime: "10m",
    expected: [k8sManagerDown(1)],
  },
  {
    name: "no manager of the fleet is a target at all",
    alert: A.managerDown.name,
    input: [scraped(KANIKO, 1)],
    evalTime: "10m",
    expected: [k8sManagerDown(0)],
  },
  {
    // One manager goes at 3m, the other at 6m: the alert pending since 3m fires at 8m, its labels unchanged.
    name: "the last manager goes while the alert waits for its for",
    alert: A.managerDown.name,
    input: [
      { series: up(t(K0)), values: "1x2 0x38" },
      { series: up(t(K1)), values: "1x5 0x35" },
      scraped(KANIKO, 1),
    ],
    evalTime: "8m",
    expected: [k8sManagerDown(0)],
  },
  {
    name: "every manager scraped",
    alert: A.managerDown.name,
    input: [scraped(K0, 1), scraped(K1, 1), scraped(KANIKO, 1)],
    evalTime: "10m",
    expected: [],
  },
  {
    name: "neither of the fleet's managers answers",
    alert: A.fleetDown.name,
    input: [scraped(K0, 0), scraped(K1, 0), scraped(KANIKO, 1)],
    evalTime: "10m",
    expected: [k8sFleetDown],
  },
  {
    // The managers' Service lost its endpoints (both pods gone): no `up` series of the fleet is left. Without
    // staleness markers the last samples (2m) count for the 5-minute lookback: the condition holds from 7m.
    name: "the fleet's managers are no targets at all",
    alert: A.fleetDown.name,
    input: [
      { series: up(t(K0)), values: "1x2 _x38" },
      { series: up(t(K1)), values: "1x2 _x38" },
      scraped(KANIKO, 1),
    ],
    evalTime: "14m",
    expected: [k8sFleetDown],
  },
  {
    name: "one of two managers still answers",
    alert: A.fleetDown.name,
    input: [scraped(K0, 1), scraped(K1, 0), scraped(KANIKO, 1)],
    evalTime: "10m",
    expected: [],
  },
];
