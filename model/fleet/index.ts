export { ADVANCED_POD_SPEC_FLAG, DATA_KEYS, ENV, JOB_PATHS, JOB_VOLUMES } from "./constants";
export { fleetJobPodSecurity, isDangerous, jobNamespace, jobPodNeeds } from "./job-pods";
export { platformMounts } from "./job-mounts";
export { AZURE_WORKLOAD_IDENTITY } from "./azure-identity";
export { MANAGER_USER } from "./manager-options";
export {
  type ManagerEnvVar,
  type ManagerImageFlavor,
  type ManagerPodOptions,
  type ManagerSpec,
  type ManagerToleration,
  type ManagerTopologySpread,
  type ManagerVolume,
  managerSpecSchema,
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
export {
  type ClaimPlan,
  type FleetContext,
  type FleetPlan,
  type GitLabRunnerPlan,
  managerLabels,
  planFleet,
  runnerScopeLabel,
} from "./plan";
export { type PolicyRule, type RbacFeatures, rbacFeatures, runnerRoleRules } from "./rbac";
export { buildRunnerConfig, jobPodSecuritySettings, type RunnerConfigContext } from "./runner-config";
export { type BuildsSpec, type CacheSpec, type FleetSpec, fleetSpecSchema, type RunnerScope } from "./spec";
export { imageCacheContents, nasCacheClaims } from "./on-ack";
export { type AckServerlessPlan, type AckServerlessSpec, planAckServerless } from "./ack-plan";
