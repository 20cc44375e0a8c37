import { formatDuration } from "./durations";
import { RUNNER_METRICS as M, UP } from "./series";
import type { AlertKind, MonitoredFleet } from "./settings";

/** What an alert's expression is built from: the fleet's series selector, its settings and the threshold. */
export interface ExprInput {
  /** `namespace="…", service="…"`: every series of the fleet, and only those. */
  sel: string;
  fleet: MonitoredFleet;
  /** The threshold the expression compares with, in the unit of the alert's `threshold.key`. */
  threshold: number;
}

export interface AlertDefinition {
  /** The alert's name, and the heading of its runbook in docs/alerts.md. */
  name: string;
  /** The override key that sets the threshold, and its default for a fleet when not a constant of DEFAULTS. */
  threshold?: { key: "jobs" | "seconds" | "ratio"; derived?: (fleet: MonitoredFleet) => number };
  expr: (input: ExprInput) => string;
  summary: string;
  /** Shown with the alert; `{{ $value }}` is the expression's value, `{{ $labels.x }}` a label of it. */
  description: (input: ExprInput) => string;
}

/**
 * Failures the platform, not the job, is answerable for: GitLab Runner v19.3.0's JobFailureReason as the runner
 * counts it (before mapping it to what GitLab accepts). `runner_configuration_error` is left out: the runner also
 * gives it to a job's own image that does not exist or is private, and to its variable overwrites (see
 * docs/alerts.md, GitLabRunnerJobsFailing).
 */
export const PLATFORM_FAILURE_REASONS = [
  "runner_system_failure",
  "runner_external_dependency_failure",
  "runner_interrupted",
  "image_pull_failure",
  "unknown_failure",
];

/**
 * API answers that mean the manager is not being served: no answer at all (`-1`: DNS, TCP, TLS or an unreadable
 * body), its token refused (401, 403), rate-limited (429) or a GitLab error (5xx). Other answers (404, 409)
 * concern single jobs.
 */
export const FAILING_API_STATUSES = "-1|401|403|429|5..";

const BY_FLEET = "namespace, service";
const BY_MANAGER = "namespace, service, pod";

/** A share of 1 as a percentage: 0.1 → `10%`. */
function percent(ratio: number): string {
  return `${Math.round(ratio * 1000) / 10}%`;
}

/**
 * How much a counter grew over `window`, a series that appeared inside it counted from 0. The runner creates the
 * series of `gitlab_runner_failed_jobs_total` and of the job-duration histogram at their first job, at 1, and
 * `increase()` alone counts only growth after a series' first sample; a reset (a restarted runner) is handled by
 * `increase()` for series that existed before the window.
 */
export function increaseFromZero(series: string, window: string): string {
  return `(increase(${series}[${window}]) and ${series} offset ${window}) or ${series}`;
}

/**
 * How many of the fleet's managers Prometheus scrapes. `or vector(0)`: with no series at all (every target gone
 * from the Service) it is 0, and the label set is the same with or without managers (the selector pins the
 * fleet), so the last one going keeps an alert firing instead of resolving it and starting its `for` again.
 */
function managersAnswering(sel: string): string {
  return `(count (${UP}{${sel}} == 1) or vector(0))`;
}

/** What GitLab Runner waits between looks for jobs when `check_interval` is 0 (`common.CheckInterval`). */
const RUNNER_DEFAULT_CHECK_SECONDS = 3;

/** The window a stalled manager is judged over: five minutes, or twenty looks for jobs if those take longer. */
export function stalledWindowSeconds(fleet: MonitoredFleet): number {
  return Math.max(300, 20 * fleet.checkInterval);
}

export const ALERTS = {
  saturated: {
    name: "GitLabRunnerFleetSaturated",
    threshold: { key: "jobs", derived: (fleet) => fleet.concurrent },
    expr: ({ sel, threshold }) =>
      `sum by (${BY_FLEET}) (${M.jobs}{${sel}}) >= ${threshold} * count by (${BY_FLEET}) (${M.limit}{${sel}})`,
    summary: "Every manager of the fleet runs as many jobs as it may",
    description: ({ fleet, threshold }) =>
      `Fleet ${fleet.name} runs {{ $value }} job(s), ${threshold} per running manager (concurrent: ${fleet.concurrent}); further jobs wait in GitLab's queue.`,
  },
  queueing: {
    name: "GitLabRunnerJobsQueueing",
    threshold: { key: "seconds" },
    expr: ({ sel, threshold }) =>
      `histogram_quantile(0.9, sum by (${BY_FLEET}, le) (rate(${M.queueDuration}_bucket{${sel}}[10m]))) > ${threshold}`,
    summary: "Jobs wait too long for the fleet to pick them up",
    description: ({ fleet, threshold }) =>
      `One job in ten picked up by fleet ${fleet.name} in the last 10 minutes had waited more than {{ $value | humanizeDuration }} (threshold ${formatDuration(threshold)}).`,
  },
  requestsFailing: {
    name: "GitLabRunnerRequestsFailing",
    threshold: { key: "ratio" },
    expr: ({ sel, threshold }) =>
      `sum by (${BY_FLEET}) (rate(${M.apiStatuses}{${sel}, status=~"${FAILING_API_STATUSES}"}[5m]))` +
      ` / sum by (${BY_FLEET}) (rate(${M.apiStatuses}{${sel}}[5m])) > ${threshold}`,
    summary: "The fleet's requests to GitLab fail",
    description: ({ fleet, threshold }) =>
      `{{ $value | humanizePercentage }} of fleet ${fleet.name}'s API requests in the last 5 minutes got no answer, were refused (401, 403), rate-limited (429) or failed in GitLab (5xx); threshold ${percent(threshold)}.`,
  },
  stalled: {
    name: "GitLabRunnerManagerStalled",
    expr: ({ sel, fleet }) =>
      `sum by (${BY_MANAGER}) (increase(${M.workerFeeds}{${sel}}[${formatDuration(stalledWindowSeconds(fleet))}])) == 0` +
      ` and on (${BY_MANAGER}) ${M.processState}{${sel}, state="running"} == 1` +
      ` unless on (${BY_MANAGER}) sum by (${BY_MANAGER}) (${M.jobs}{${sel}}) >= ${fleet.concurrent}`,
    summary: "A manager has stopped asking GitLab for jobs",
    description: ({ fleet }) =>
      `Manager {{ $labels.pod }} of fleet ${fleet.name} is running, has free capacity and has not looked for a job in ${formatDuration(stalledWindowSeconds(fleet))} (it looks every ${fleet.checkInterval || RUNNER_DEFAULT_CHECK_SECONDS} s): its token is missing, or it was marked unhealthy after requests GitLab refused or it could not make.`,
  },
  configReload: {
    name: "GitLabRunnerConfigReloadFailing",
    expr: ({ sel }) => `increase(${M.configLoadingErrors}{${sel}}[15m]) > 0`,
    summary: "A manager cannot load its config.toml",
    description: ({ fleet }) =>
      `Manager {{ $labels.pod }} of fleet ${fleet.name} failed to load config.toml {{ $value }} time(s) in the last 15 minutes and keeps running with the configuration it loaded before. The runner reads the file again only when it changes, so this alert resolves after 15 minutes even while the file stays broken.`,
  },
  jobsFailing: {
    name: "GitLabRunnerJobsFailing",
    threshold: { key: "ratio" },
    expr: ({ sel, threshold }) =>
      `sum by (${BY_FLEET}, failure_reason) (${increaseFromZero(`${M.failedJobs}{${sel}, failure_reason=~"${PLATFORM_FAILURE_REASONS.join("|")}"}`, "30m")})` +
      ` / on (${BY_FLEET}) group_left clamp_min(sum by (${BY_FLEET}) (${increaseFromZero(`${M.jobDuration}_count{${sel}}`, "30m")}), 1)` +
      ` > ${threshold}`,
    summary: "Jobs of the fleet fail for a reason the platform is answerable for",
    description: ({ fleet, threshold }) =>
      `{{ $value | humanizePercentage }} of the jobs fleet ${fleet.name} finished in the last 30 minutes failed with {{ $labels.failure_reason }} (threshold ${percent(threshold)}).`,
  },
  managerDown: {
    name: "GitLabRunnerManagerDown",
    expr: ({ sel, fleet }) => `${managersAnswering(sel)} < ${fleet.replicas}`,
    summary: "Fewer of the fleet's managers answer than it runs",
    description: ({ fleet }) =>
      `{{ $value }} of fleet ${fleet.name}'s ${fleet.replicas} manager replica(s) can be scraped; with none, the fleet takes no jobs.`,
  },
  fleetDown: {
    name: "GitLabRunnerFleetDown",
    expr: ({ sel }) => `${managersAnswering(sel)} == 0`,
    summary: "None of the fleet's managers answers: its jobs wait",
    description: ({ fleet }) =>
      `None of fleet ${fleet.name}'s ${fleet.replicas} manager replica(s) can be scraped: the fleet takes no jobs.`,
  },
} satisfies Record<AlertKind, AlertDefinition>;

/** The definition of an alert kind (the table above, typed for callers that loop over kinds). */
export function alertDefinition(kind: AlertKind): AlertDefinition {
  return ALERTS[kind];
}
