export { ADVANCED_POD_SPEC_FLAG, DATA_KEYS, ENV, JOB_PATHS, JOB_VOLUMES } from "./constants";
export { fleetJobPodSecurity, isDangerous, jobNamespace, jobPodNeeds } from "./job-pods";
export { platformMounts } from "./job-mounts";
export {
  CACHE_BACKENDS,
  CACHE_STACK_SECRETS,
  type CacheImport,
  type CacheSummary,
  cacheBackend,
  type CacheType,
  cacheSpecSchema,
  OSS_CACHE_KEY,
} from "./cache";
export { type ClaimPlan } from "./claim";
export { type CredentialSecretPlan, type SecretValue } from "./credential-secrets";
export { type GitLabRunnerPlan, runnerScopeLabel } from "./gitlab-runner-plan";
export { MANAGER_USER } from "./manager-options";
export {
  type ManagerEnvVar,
  type ManagerImageFlavor,
  type ManagerPodOptions,
  type ManagerToleration,
  type ManagerTopologySpread,
  type ManagerVolume,
} from "./manager-schema";
export { externalVolumeWarnings } from "./external-volumes";
export { credentialsChecksum, requireRunnerToken } from "./manager-credentials";
export { MANAGER_COMMAND, readinessCommand, runnerEntrypoint } from "./manager-process";
export {
  type ManagerSpecInput,
  type ManagerTimeouts,
  managerStatefulSetSpec,
  managerTimeouts,
  PREPARE_CONFIG_SCRIPT,
  systemIdFor,
  terminationGracePeriod,
} from "./manager-spec";
export { type ObjectNames, objectNames } from "./names";
export { type FleetContext, type FleetPlan, managerLabels, planFleet } from "./plan";
export { type PolicyRule, type RbacFeatures, rbacFeatures, runnerRoleRules } from "./rbac";
export { buildRunnerConfig, jobPodSecuritySettings, type RunnerConfigContext } from "./runner-config";
export { type BuildsSpec, type CacheSpec, type FleetSpec, fleetSpecSchema, type RunnerScope } from "./spec";
export { imageCacheContents, nasCacheClaims } from "./on-ack";
export { type AckServerlessPlan, type AckServerlessSpec, planAckServerless } from "./ack-plan";
