/**
 * Every default of the stack configuration, in one place and in the shape of the stack file: `fleet` holds the
 * defaults of each `fleets[i]`. The schema applies them, the components never restate them, and a test holds
 * docs/configuration.md to them.
 */
export const DEFAULTS = {
  cluster: {
    managerNamespace: "gitlab-runner",
    /** The Kubernetes provider's request rate (docs/engine-performance.md: measured against the provider's 50/120). */
    kubeClient: { qps: 200, burst: 400 },
    type: "existing",
    ackServerless: {
      clusterSpec: "ack.pro.small",
      serviceCidr: "172.21.0.0/20",
      endpointPublicAccess: false,
      deletionProtection: true,
      tags: {},
      /** Mbit/s of the NAT gateway's EIP (pay by traffic: the cap, not what is billed). */
      network: { natBandwidth: 100 },
      nas: { storageType: "Capacity", size: "100Gi", path: "/" },
      /** Days after which cache objects expire. */
      oss: { expireDays: 30 },
      /** GiB. */
      imageCache: { enabled: true, size: 20, images: [] },
    },
  },
  hostAliases: [],
  monitoring: {
    prometheusOperator: false,
    serviceMonitorLabels: {},
    alerts: {
      enabled: true,
      /** The runbook each alert links to (`#<alert>` appended): this repository's page, relative to its root. */
      runbookUrl: "docs/alerts.md",
      /**
       * Defaults of each fleet's alerts (`alerts.fleets.<fleet>.<alert>`), besides those derived from the fleet:
       * `saturated.jobs` is its `concurrent`, and the managers counted and the stall window follow from `replicas`
       * and `checkInterval`. Durations are Prometheus durations, `seconds` seconds, `ratio` a share of 1.
       */
      fleet: {
        saturated: { for: "15m", severity: "warning" },
        queueing: { seconds: 300, for: "10m", severity: "warning" },
        requestsFailing: { ratio: 0.1, for: "10m", severity: "critical" },
        stalled: { for: "5m", severity: "critical" },
        configReload: { for: "0s", severity: "warning" },
        jobsFailing: { ratio: 0.1, for: "15m", severity: "warning" },
        managerDown: { for: "5m", severity: "warning" },
        fleetDown: { for: "5m", severity: "critical" },
      },
    },
    dashboard: {
      /** Deliver the dashboard as a ConfigMap Grafana's dashboard sidecar loads. */
      configMap: true,
      /** The label the sidecar looks for (the Grafana chart's `sidecar.dashboards.label` and `labelValue` defaults). */
      labels: { grafana_dashboard: "1" },
    },
  },
  runnerImage: {
    repository: "registry.gitlab.com/gitlab-org/gitlab-runner",
    /** A released runner ≥ 18.10, which expands `${VAR}` in config.toml from its environment. */
    version: "v19.3.0",
  },
  fleet: {
    scope: { type: "group" },
    tags: [],
    protected: false,
    locked: false,
    paused: false,
    /** Seconds. */
    maximumTimeout: 3600,
    concurrent: 4,
    replicas: 1,
    /** Seconds. */
    checkInterval: 3,
    /**
     * Job requests in flight at once. 1 makes job pickup a bottleneck behind GitLab's long polling (the runner
     * warns on every load); the runner's adaptive request concurrency (on by default) stays below this cap.
     */
    requestConcurrency: 4,
    logLevel: "info",
    logFormat: "json",
    manager: {
      requests: { cpu: "50m", memory: "128Mi" },
      limits: { cpu: "500m", memory: "256Mi" },
      nodeSelector: {},
      podAnnotations: {},
      podLabels: {},
      tolerations: [],
      topologySpreadConstraints: [],
      env: [],
      volumes: [],
      imagePullSecrets: [],
      imageFlavor: "alpine",
      metricsPort: 9252,
    },
    kubernetes: { namespace: "gitlab-ci-jobs" },
    cache: {
      type: "none",
      pvc: { size: "10Gi", accessMode: "ReadWriteMany" },
      s3: { insecure: false, shared: false },
      gcs: { shared: false },
      azure: { shared: false },
    },
    builds: {
      type: "emptyDir",
      /** "" is the node's disk; "Memory" a tmpfs. */
      emptyDir: { medium: "" },
      pvcPerJob: { size: "10Gi" },
      ephemeralPvc: { size: "10Gi" },
    },
    kaniko: false,
    gitSsh: false,
    jobPodSecurity: "restricted",
    jobServiceAccountToken: false,
    eci: { spot: false },
    dangerous: { dockerInDocker: false, dockerSocket: false },
  },
  variables: [],
  /** Defaults of each `variables[i]`: hidden from logs and the UI, for protected branches and tags only. */
  variable: {
    masked: true,
    hidden: true,
    protected: true,
    variableType: "env_var",
    environmentScope: "*",
    raw: false,
  },
  applications: [],
  /** Defaults of each `applications[i]`. */
  application: {
    deploys: ["Deployment", "Service", "ConfigMap", "Secret", "Ingress"],
    prune: false,
    podSecurity: "restricted",
    /** A KUBECONFIG variable per environment, as before the agent existed. */
    access: "kubeconfig",
  },
  /** Defaults of `agent`, the GitLab agent for Kubernetes (none unless it is set). */
  agent: {
    namespace: "gitlab-agent",
    /** Two, so a rollout or a node drain never leaves jobs without the agent. */
    replicas: 2,
    image: {
      repository: "registry.gitlab.com/gitlab-org/cluster-integration/gitlab-agent/agentk",
      /** The agent release of the GitLab the runner default belongs to; match your GitLab's major.minor. */
      version: "v19.3.0",
    },
    requests: { cpu: "50m", memory: "64Mi" },
    limits: { cpu: "500m", memory: "256Mi" },
    /** GitLab's default: projects of the configuration project's top-level group only. */
    instanceLevelAuthorization: false,
  },
  gitlab: { tier: "free" },
  /** Defaults of `pipelineComponents` (publishing is off unless it is set). */
  pipelineComponents: { branch: "main" },
} as const;
