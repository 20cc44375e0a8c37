export { ExistingCluster } from "./existing-cluster";
export type { ExistingClusterArgs } from "./existing-cluster";
