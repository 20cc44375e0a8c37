export { RunnerFleet } from "./runner-fleet";
export type { RunnerFleetArgs } from "./runner-fleet";
export type { RegistryCredential } from "./credentials";
export { objectNames } from "./fleet-scope";
export { buildRunnerConfig } from "./runner-config";
export type { RunnerConfigContext } from "./runner-config";
export { runnerRoleRules, rbacFeatures } from "./rbac";
export type { PolicyRule, RbacFeatures } from "./rbac";
export {
  managerStatefulSetSpec,
  managerTimeouts,
  systemIdFor,
  terminationGracePeriod,
  PREPARE_CONFIG_SCRIPT,
} from "./manager-spec";
export { dockerConfigJson } from "./docker-config";
