export { PlatformNamespaces } from "./platform-namespaces";
export type { PlatformNamespacesArgs } from "./platform-namespaces";
export { fleetPodSecurityLevel, jobNamespacePolicies, podSecurityLabels } from "../../model/pod-security";
export type { JobPodNeeds, NamespacePolicy, PodSecurityLevel } from "../../model/pod-security";
