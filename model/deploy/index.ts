export {
  buildKubeconfig,
  caDataFromPem,
  type ClusterEndpoint,
  endpointOfKubeconfig,
  type KubeconfigInput,
} from "./kubeconfig";
export {
  DEPLOY_ACCESS_MODES,
  DEPLOYER,
  KUBECONFIG_VARIABLE,
  agentAccessAnnotation,
  agentSubjectGroup,
  planDeployTarget,
  readAgentAccessAnnotation,
  type AgentAccessPlan,
  type DeployAccessMode,
  type DeployTargetPlan,
  type DeployTargetSpec,
  type KubeconfigAccessPlan,
} from "./plan";
export { DEPLOYABLE_KINDS, DEPLOYABLE_KIND_NAMES, deployRoleRules, type DeployableKind } from "./role";
