export { DeployTarget, type ClusterEndpointInput, type DeployTargetArgs } from "./deploy-target";
