import { objectNames } from "../fleet/names";

/**
 * Labels Prometheus puts on every series of a target it finds through a ServiceMonitor (prometheus-operator,
 * `generateServiceMonitorConfig`): the Service's namespace and name, the pod and container, the port's name, and
 * `job` (the Service's name). A plain Prometheus gets the same from the scrape config in docs/alerts.md.
 */
export const TARGET_LABELS = [
  "namespace",
  "service",
  "pod",
  "container",
  "endpoint",
  "job",
  "instance",
] as const;

/** Prometheus' own series per target: 1 while the last scrape succeeded. */
export const UP = "up";

/** The runner's metrics the alerts and the dashboard read, as GitLab Runner v19.3.0 names them. */
export const RUNNER_METRICS = {
  jobs: "gitlab_runner_jobs",
  limit: "gitlab_runner_limit",
  concurrent: "gitlab_runner_concurrent",
  failedJobs: "gitlab_runner_failed_jobs_total",
  jobDuration: "gitlab_runner_job_duration_seconds",
  queueDuration: "gitlab_runner_job_queue_duration_seconds",
  apiStatuses: "gitlab_runner_api_request_statuses_total",
  requestConcurrency: "gitlab_runner_request_concurrency",
  requestConcurrencyHardLimit: "gitlab_runner_request_concurrency_hard_limit",
  requestConcurrencyAdaptiveLimit: "gitlab_runner_request_concurrency_adaptive_limit",
  requestConcurrencyExceeded: "gitlab_runner_request_concurrency_exceeded_total",
  workerFeeds: "gitlab_runner_worker_feeds_total",
  processState: "gitlab_runner_process_state_info",
  configLoaded: "gitlab_runner_configuration_loaded_total",
  configLoadingErrors: "gitlab_runner_configuration_loading_error_total",
  versionInfo: "gitlab_runner_version_info",
} as const;

/** The labels that name one fleet in every series: the manager namespace and the fleet's metrics Service. */
export const FLEET_LABELS = ["namespace", "service"] as const;

/** The series selector of one fleet: `namespace="gitlab-runner", service="k8s-runner-metrics"`. */
export function fleetMatchers(managerNamespace: string, fleet: string): string {
  return `namespace="${managerNamespace}", service="${objectNames(fleet).service}"`;
}

/** The metrics Service of a fleet, whose name the `service` (and `job`) label of its series carries. */
export function fleetService(fleet: string): string {
  return objectNames(fleet).service;
}
