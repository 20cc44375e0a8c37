export { RunnerFleet } from "./runner-fleet";
export type { RunnerFleetArgs } from "./runner-fleet";
export type { RegistryCredential } from "./credentials";
export { objectNames } from "./fleet-scope";
export { buildRunnerConfig } from "../../model/fleet/runner-config";
export type { RunnerConfigContext } from "../../model/fleet/runner-config";
export { runnerRoleRules, rbacFeatures } from "../../model/fleet/rbac";
export type { PolicyRule, RbacFeatures } from "../../model/fleet/rbac";
export {
  managerStatefulSetSpec,
  managerTimeouts,
  systemIdFor,
  terminationGracePeriod,
  PREPARE_CONFIG_SCRIPT,
} from "../../model/fleet/manager-spec";
export { dockerConfigJson } from "../../model/docker-config";
