/** Why a setting is not carried into the stack configuration; shared by the config.toml and Helm importers. */
export const REASONS = {
  token:
    "the runner is created in GitLab by UserRunner, which issues its token; registration tokens are deprecated and removed in GitLab 20.0",
  registrationRecord:
    "written by gitlab-runner register for the old runner; the platform registers a new runner",
  otherExecutor: "this platform runs the Kubernetes executor",
  apiConnection: "the manager runs in-cluster and talks to the Kubernetes API with its own ServiceAccount",
  tlsFiles: "set gitlab.caCert instead; the platform mounts the CA for the manager",
  noFleetSetting: "the stack configuration has no fleet setting for it",
  managerSetting: "the platform manages the runner manager pod; set manager settings in the stack config",
  managerImage: "the platform pins the runner image",
  rbac: "RBAC is computed from the enabled features",
  managerSecurity: "the manager always runs with a restricted security context",
  metrics: "the platform configures the manager's metrics endpoint",
  sessionServer: "the platform does not expose the interactive web terminal (session server)",
  terminationGrace: "computed from maximumTimeout",
  certsSecret: "use gitlab.caCert",
  unregister: "the platform owns the runner's lifecycle in GitLab through UserRunner",
  goTemplate: "a Helm template expression is evaluated by the chart; write the value out in the stack config",
  placeholderUrl: "is a placeholder, not a URL; set gitlab-ci-platform:gitlab.url",
  assumedScheme: "has no scheme; carried with https://, which GitLab serves runners on — check it",
  otherUrl: "a fleet registers with the single GitLab of gitlab.url",
  globalUnsupported: "a valid runner key that the stack configuration does not cover",
  secretRef: "the chart's secret with runner tokens is replaced by the token UserRunner issues",
  cacheSecretName:
    "cache credentials come from `pulumi config set --secret cacheS3AccessKey` / `cacheS3SecretKey`",
  jobServiceAccount: "the platform creates the job ServiceAccount (see jobServiceAccountToken)",
  jobNamespaceOnly: "the manager's Role covers only the fleet's job namespace (kubernetes.namespace)",
  dockerInDocker:
    "carried as dangerous.dockerInDocker: also set kubernetes.nodeSelector and kubernetes.nodeTolerations (dedicated, tainted nodes) and give the fleet its own kubernetes.namespace",
  dockerSocket:
    "carried as dangerous.dockerSocket: also set kubernetes.nodeSelector and kubernetes.nodeTolerations (dedicated, tainted nodes) and give the fleet its own kubernetes.namespace",
  kanikoVolume:
    "carried as kaniko: true: the platform mounts the stack's registry credential (registry, registryPassword) at /kaniko/.docker/config.json",
  cacheClaimVolume:
    "carried as cache {type: pvc}: the platform creates the fleet's cache claim (set size, storageClass)",
  topLevelTags:
    "not a chart value (the chart reads runners.tags), so the chart ignored it; move it to runners.tags to keep these tags",
} as const;
