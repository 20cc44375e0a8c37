/**
 * Environment variables the manager pod sets from Secrets. config.toml refers to the token as `${RUNNER_TOKEN}`
 * (the runner expands variables only in token and url); a cache credential's variables are its backend's own.
 */
export const ENV = {
  runnerToken: "RUNNER_TOKEN",
} as const;

/**
 * Volumes of the manager pod (besides a cache credential's files); a fleet's own manager.volumes may not reuse
 * their names or paths.
 */
export const MANAGER_VOLUMES = {
  config: "config",
  configTemplate: "config-template",
  home: "home",
  tmp: "tmp",
  gitlabCa: "gitlab-ca",
} as const;

/** Environment variables the manager pod sets itself (besides ENV): a fleet's manager.env may not reuse them. */
export const MANAGER_POD_ENV = { podName: "POD_NAME", podNamespace: "POD_NAMESPACE", home: "HOME" } as const;

/** Paths inside the manager container. */
export const MANAGER_PATHS = {
  /** Writable: config.toml (a symlink into the ConfigMap mount) and .runner_system_id live here. */
  configDir: "/etc/gitlab-runner",
  configMapDir: "/etc/gitlab-runner-template",
  caFile: "/etc/gitlab-runner-ca/ca.crt",
  home: "/home/gitlab-runner",
  tmp: "/tmp",
} as const;

/** Paths inside job pods. */
export const JOB_PATHS = {
  builds: "/builds",
  cache: "/cache",
  kanikoDocker: "/kaniko/.docker",
  gitSsh: "/etc/gitlab-ci/git-ssh",
  dockerSocket: "/var/run/docker.sock",
  /** The docker:dind service writes its TLS client certificates here; the build container reads them. */
  dockerCerts: "/certs/client",
} as const;

/** Names of the volumes the platform adds to job pods (a fleet's own volumes must not reuse them). */
export const JOB_VOLUMES = {
  builds: "builds",
  ephemeralBuilds: "ephemeral-builds",
  dockerSocket: "docker-sock",
  dockerCerts: "docker-certs",
} as const;

/**
 * Keys of the data in the Secrets and ConfigMaps the platform creates (a cache credential's are its backend's);
 * writers and readers share them.
 */
export const DATA_KEYS = {
  runnerToken: "runner-token",
  dockerConfig: ".dockerconfigjson",
  sshPrivateKey: "ssh-privatekey",
  knownHosts: "known_hosts",
  gitlabCa: "ca.crt",
  configToml: "config.toml",
} as const;

/** The runner feature flag without which it ignores `pod_spec` patches. */
export const ADVANCED_POD_SPEC_FLAG = "FF_USE_ADVANCED_POD_SPEC_CONFIGURATION";

/**
 * Seconds the runner allows a forceful shutdown to clean up job pods. The pod's grace period is the longest
 * job plus this plus a margin, so a graceful stop (SIGQUIT) never gets cut short.
 */
export const SHUTDOWN_TIMEOUT_SECONDS = 30;
/** A timed-out job still runs after_script (up to 5 minutes) and uploads its artifacts and cache. */
export const GRACE_MARGIN_SECONDS = 6 * 60;

/** uid/gid job containers run as in namespaces that enforce Pod Security "restricted". */
export const RESTRICTED_JOB_UID = 1000;
