/** A PersistentVolumeClaim a fleet creates in its job namespace: its cache, or one builds volume. */
export interface ClaimPlan {
  name: string;
  accessMode: string;
  size: string;
  storageClass?: string;
}
