import { RUNNER_METRICS as M, UP } from "./series";

/** One query of a panel: PromQL over one fleet's series (`sel`), and the legend of each series it returns. */
export interface PanelQuery {
  expr: (sel: string) => string;
  legend: string;
}

export interface PanelSpec {
  title: string;
  description: string;
  /** Grafana's unit id. */
  unit: string;
  queries: PanelQuery[];
}

const RATE = "[$__rate_interval]";

/**
 * How much a counter grew during each step of the graph, counted exactly (no overlapping windows, so the values
 * add up whatever the zoom): a series that appeared in the step counts from 0, as the runner creates
 * `gitlab_runner_failed_jobs_total` at a reason's first failure, at 1; a step with a restart shows nothing.
 */
const perStep = (series: string) => `(${series} - (${series} offset $__interval or ${series} * 0)) >= 0`;

const quantiles = (metric: string, percentiles: number[]): PanelQuery[] =>
  percentiles.map((p) => ({
    expr: (sel) => `histogram_quantile(${p / 100}, sum by (le) (rate(${metric}_bucket{${sel}}${RATE})))`,
    legend: `p${p}`,
  }));

/** The panels every fleet gets, in reading order: work, waiting, outcome, GitLab, the managers themselves. */
export const FLEET_PANELS: PanelSpec[] = [
  {
    title: "Jobs by state and stage",
    description: "Jobs the fleet's managers hold, by the runner's state and stage of each.",
    unit: "short",
    queries: [
      {
        expr: (sel) => `sum by (state, stage) (${M.jobs}{${sel}, state!="idle"})`,
        legend: "{{state}} / {{stage}}",
      },
    ],
  },
  {
    title: "Capacity used",
    description:
      "Jobs running on each manager against its limit and concurrent setting (the fleet's concurrent).",
    unit: "short",
    queries: [
      { expr: (sel) => `sum by (pod) (${M.jobs}{${sel}})`, legend: "jobs {{pod}}" },
      { expr: (sel) => `sum by (pod) (${M.limit}{${sel}})`, legend: "limit {{pod}}" },
      { expr: (sel) => `sum by (pod) (${M.concurrent}{${sel}})`, legend: "concurrent {{pod}}" },
    ],
  },
  {
    title: "Queue time",
    description: "How long jobs waited in GitLab's queue before a manager of the fleet picked them up.",
    unit: "s",
    queries: quantiles(M.queueDuration, [50, 90, 99]),
  },
  {
    title: "Job duration",
    description: "How long the fleet's jobs ran, from pickup to their end.",
    unit: "s",
    queries: quantiles(M.jobDuration, [50, 90, 99]),
  },
  {
    title: "Failed jobs by reason",
    description:
      "Jobs that failed in each step of the graph, by the runner's failure reason: script_failure and runner_configuration_error are mostly the job's own; runner_system_failure, runner_external_dependency_failure, runner_interrupted, image_pull_failure and unknown_failure are the platform's.",
    unit: "short",
    queries: [
      {
        expr: (sel) => `sum by (failure_reason) (${perStep(`${M.failedJobs}{${sel}}`)})`,
        legend: "{{failure_reason}}",
      },
    ],
  },
  {
    title: "API requests by status",
    description: "Requests to GitLab per second, by endpoint and HTTP status (-1: no answer).",
    unit: "reqps",
    queries: [
      {
        expr: (sel) => `sum by (endpoint, status) (rate(${M.apiStatuses}{${sel}}${RATE}))`,
        legend: "{{endpoint}} {{status}}",
      },
    ],
  },
  {
    title: "Job requests in flight",
    description:
      "Requests for a new job open at once per manager, against its request_concurrency and the adaptive limit below it; requests it held back per second.",
    unit: "short",
    queries: [
      { expr: (sel) => `sum by (pod) (${M.requestConcurrency}{${sel}})`, legend: "in flight {{pod}}" },
      { expr: (sel) => `sum by (pod) (${M.requestConcurrencyHardLimit}{${sel}})`, legend: "limit {{pod}}" },
      {
        expr: (sel) => `sum by (pod) (${M.requestConcurrencyAdaptiveLimit}{${sel}})`,
        legend: "adaptive {{pod}}",
      },
      {
        expr: (sel) => `sum by (pod) (rate(${M.requestConcurrencyExceeded}{${sel}}${RATE}))`,
        legend: "held back/s {{pod}}",
      },
    ],
  },
  {
    title: "Configuration reloads",
    description:
      "config.toml loads per manager in each step of the graph, and loads that failed (the manager then keeps its previous config).",
    unit: "short",
    queries: [
      {
        expr: (sel) => `sum by (pod) (${perStep(`${M.configLoaded}{${sel}}`)})`,
        legend: "loaded {{pod}}",
      },
      {
        expr: (sel) => `sum by (pod) (${perStep(`${M.configLoadingErrors}{${sel}}`)})`,
        legend: "failed {{pod}}",
      },
    ],
  },
  {
    title: "Manager replicas",
    description:
      "Managers Prometheus scrapes (up) and those whose runner process is running rather than starting or stopping.",
    unit: "short",
    queries: [
      { expr: (sel) => `sum (${UP}{${sel}})`, legend: "up" },
      { expr: (sel) => `sum (${M.processState}{${sel}, state="running"})`, legend: "running" },
    ],
  },
];
