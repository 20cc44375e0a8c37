/**
 * Every default of the stack configuration, in one place. The schema, the README's reference table and the
 * components read them from here.
 */
export const DEFAULTS = {
  managerNamespace: "gitlab-runner",
  jobNamespace: "gitlab-ci-jobs",
  /** A released runner ≥ 18.10, which expands `${VAR}` in config.toml from its environment. */
  runnerImage: "registry.gitlab.com/gitlab-org/gitlab-runner",
  runnerVersion: "v19.3.0",
  maximumTimeoutSeconds: 3600,
  concurrent: 4,
  replicas: 1,
  checkIntervalSeconds: 3,
  logLevel: "info",
  logFormat: "json",
  metricsPort: 9252,
  managerRequests: { cpu: "50m", memory: "128Mi" },
  managerLimits: { cpu: "500m", memory: "256Mi" },
  cachePvcSize: "10Gi",
  buildsPvcSize: "10Gi",
} as const;
