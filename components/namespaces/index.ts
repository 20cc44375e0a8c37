export { PlatformNamespaces } from "./platform-namespaces";
export type { PlatformNamespacesArgs } from "./platform-namespaces";
export { jobNamespacePolicies, podSecurityLabels } from "./pod-security";
export type { JobPodNeeds, NamespacePolicy, PodSecurityLevel } from "./pod-security";
