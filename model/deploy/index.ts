export {
  buildKubeconfig,
  caDataFromPem,
  type ClusterEndpoint,
  endpointOfKubeconfig,
  type KubeconfigInput,
} from "./kubeconfig";
export {
  DEPLOYER,
  KUBECONFIG_VARIABLE,
  planDeployTarget,
  type DeployTargetPlan,
  type DeployTargetSpec,
} from "./plan";
export { DEPLOYABLE_KINDS, DEPLOYABLE_KIND_NAMES, deployRoleRules, type DeployableKind } from "./role";
