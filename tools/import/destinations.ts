import type { GlobalSettings, KubernetesSettings, RunnerTemplate } from "../../model/config-toml";
import { REASONS } from "./reasons";

/** "fleet": carried under the same name; "special": handled by its own code; otherwise why it is dropped. */
export type Destination = "fleet" | "special" | { readonly reason: string };

const drop = (reason: string): Destination => ({ reason });

export const GLOBAL_DESTINATIONS: { readonly [K in keyof GlobalSettings]-?: Destination } = {
  concurrent: "fleet",
  checkInterval: "fleet",
  logLevel: "fleet",
  logFormat: "fleet",
  shutdownTimeout: drop(REASONS.managerSetting),
  listenAddress: drop(REASONS.metrics),
  user: drop(REASONS.managerSetting),
  sentryDsn: drop(REASONS.globalUnsupported),
  connectionMaxAge: drop(REASONS.globalUnsupported),
  labels: drop(REASONS.noFleetSetting),
  sessionServer: drop(REASONS.sessionServer),
};

export const RUNNER_DESTINATIONS: { readonly [K in keyof RunnerTemplate]-?: Destination } = {
  name: "special",
  url: "special",
  token: drop(REASONS.token),
  executor: "special",
  limit: drop(REASONS.noFleetSetting),
  outputLimit: "fleet",
  requestConcurrency: "fleet",
  strictCheckInterval: drop(REASONS.noFleetSetting),
  unhealthyRequestsLimit: drop(REASONS.noFleetSetting),
  unhealthyInterval: drop(REASONS.noFleetSetting),
  jobStatusFinalUpdateRetryLimit: drop(REASONS.noFleetSetting),
  tlsCaFile: drop(REASONS.tlsFiles),
  tlsCertFile: drop(REASONS.tlsFiles),
  tlsKeyFile: drop(REASONS.tlsFiles),
  labels: drop(REASONS.noFleetSetting),
  buildsDir: "fleet",
  cacheDir: "fleet",
  cloneUrl: "fleet",
  environment: "fleet",
  proxyExec: drop(REASONS.noFleetSetting),
  preGetSourcesScript: "fleet",
  postGetSourcesScript: drop(REASONS.noFleetSetting),
  preBuildScript: "fleet",
  postBuildScript: "fleet",
  prepareTimeout: drop(REASONS.noFleetSetting),
  getSourcesTimeout: drop(REASONS.noFleetSetting),
  debugTraceDisabled: drop(REASONS.noFleetSetting),
  safeDirectoryCheckout: drop(REASONS.noFleetSetting),
  cleanGitConfig: drop(REASONS.noFleetSetting),
  shell: drop(REASONS.noFleetSetting),
  customBuildDir: drop(REASONS.noFleetSetting),
  featureFlags: "fleet",
  stepRunnerImage: drop(REASONS.noFleetSetting),
  cache: "special",
  kubernetes: "special",
};

export const KUBERNETES_DROPPED: { readonly [K in keyof KubernetesSettings]?: string } = {
  host: REASONS.apiConnection,
  context: REASONS.apiConnection,
  certFile: REASONS.apiConnection,
  keyFile: REASONS.apiConnection,
  caFile: REASONS.apiConnection,
  bearerToken: REASONS.apiConnection,
  bearerTokenOverwriteAllowed: REASONS.apiConnection,
  serviceAccount: REASONS.jobServiceAccount,
  namespacePerJob: REASONS.jobNamespaceOnly,
  namespaceOverwriteAllowed: REASONS.jobNamespaceOnly,
};
