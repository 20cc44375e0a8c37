export { PlatformNamespaces } from "./platform-namespaces";
export type { PlatformNamespacesArgs } from "./platform-namespaces";
