export { DeployTarget, type DeployAccessArgs, type DeployTargetArgs } from "./deploy-target";
export type { ClusterEndpointInput } from "./kubeconfig-access";
