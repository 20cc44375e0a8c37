import type * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";

/**
 * NFS mount options for Alibaba Cloud NAS (NFSv3), as NAS documents them for Kubernetes: no local locks and
 * no reserved ports (reconnects survive), no ACL round trips, hard mounts that retry instead of failing writes,
 * 1 MiB transfers over TCP, a 60 s timeout and two retransmissions.
 */
export const NAS_MOUNT_OPTIONS = [
  "nolock,noresvport,noacl,hard",
  "vers=3",
  "rsize=1048576",
  "wsize=1048576",
  "proto=tcp",
  "timeo=600",
  "retrans=2",
] as const;

/**
 * The file system's description. NAS accepts 2–128 letters, digits, `:`, `_` and `-`, starting with a letter:
 * the platform's name and the cluster's (a DNS label: letters, digits, `-`).
 */
export function nasDescription(clusterName: string): string {
  return `gitlab-ci-cache-${clusterName}`.replace(/[^A-Za-z0-9:_-]/g, "-").slice(0, 128);
}

/** One fleet's cache on the stack's NAS: a static PersistentVolume bound to the fleet's claim. */
export interface NasClaimPlan {
  fleet: string;
  /** The job namespace the claim lives in. */
  namespace: string;
  claim: string;
  /** Cluster-scoped, so it carries the job namespace to stay unique across stacks sharing a cluster. */
  volume: string;
  /** Nominal: NAS grows with use; Kubernetes needs a size to bind the pair. */
  size: string;
}

/** The PV/PVC pair of a fleet: its volume name is the claim's job namespace, fleet and "cache". */
export function nasClaimPlan(fleet: string, namespace: string, claim: string, size: string): NasClaimPlan {
  return { fleet, namespace, claim, volume: `${namespace}-${fleet}-cache`, size };
}

/**
 * The static PV: NFS on the mount target, ReadWriteMany (jobs of a fleet run in many pods at once), Retain (the
 * data outlives the claim), pre-bound to the fleet's claim so no other claim can take it.
 */
export function nasVolumeSpec(
  plan: NasClaimPlan,
  server: pulumi.Input<string>,
  path: string,
): k8s.types.input.core.v1.PersistentVolumeSpec {
  return {
    capacity: { storage: plan.size },
    accessModes: ["ReadWriteMany"],
    persistentVolumeReclaimPolicy: "Retain",
    storageClassName: "",
    mountOptions: [...NAS_MOUNT_OPTIONS],
    nfs: { server, path },
    claimRef: { namespace: plan.namespace, name: plan.claim },
  };
}

/** The claim, bound to its volume by name (no provisioner involved). */
export function nasClaimSpec(plan: NasClaimPlan): k8s.types.input.core.v1.PersistentVolumeClaimSpec {
  return {
    accessModes: ["ReadWriteMany"],
    storageClassName: "",
    volumeName: plan.volume,
    resources: { requests: { storage: plan.size } },
  };
}
