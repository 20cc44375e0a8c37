export { ExistingCluster } from "./existing-cluster";
export type { ExistingClusterArgs } from "./existing-cluster";
export { AckServerlessCluster } from "./ack-serverless-cluster";
export type { AckNetworkChoice, AckServerlessClusterArgs } from "./ack-serverless-cluster";
export { ownKubernetesObjects } from "./owned-objects";
