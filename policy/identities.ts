export { AZURE_WORKLOAD_IDENTITY } from "./facts";

/** The ECI annotation that gives a pod a RAM role (Alibaba Cloud's ECI pod annotations). */
export const ECI_RAM_ROLE_ANNOTATION = "k8s.aliyun.com/eci-ram-role-name";

/** The CSI driver that mounts secrets of an outside store (Secrets Store CSI Driver). */
export const SECRETS_STORE_CSI_DRIVER = "secrets-store.csi.k8s.io";
