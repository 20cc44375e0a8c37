import * as nas from "@pulumi/alicloud/nas";
import * as corev1 from "@pulumi/kubernetes/core/v1";
import * as pulumi from "@pulumi/pulumi";
import { type NasClaimPlan, nasClaimSpec, nasDescription, nasVolumeSpec } from "../../model/ack";
import { COMPONENTS, platformLabels } from "../../model/labels";

export interface NasCacheArgs {
  /** Name of the access group and description of the file system. */
  namePrefix: string;
  /** Capacity, Performance or Premium (NAS general-purpose NFS). */
  storageType: string;
  vpcId: pulumi.Input<string>;
  /** The mount target's vSwitch. */
  vswitchId: pulumi.Input<string>;
  /** That vSwitch's zone: the file system is created there (NAS picks a zone of its own otherwise). */
  zoneId: pulumi.Input<string>;
  /** Who may mount: the VPC's CIDR, read-write. */
  sourceCidr: string;
  /** Directory of the file system the volumes mount. */
  path: string;
  /** One static PV/PVC pair per fleet that caches on NAS. */
  claims: NasClaimPlan[];
  tags: Record<string, string>;
}

/**
 * A NAS file system reachable from the VPC, and for each fleet a static NFS PersistentVolume bound to its cache
 * claim. The file system and the volumes are protected: removing the cache is a deliberate step (docs/ack-serverless.md).
 * Its Alibaba Cloud provider and the Kubernetes provider of the cluster the claims live in come through the
 * resource options (`providers`).
 */
export class NasCache extends pulumi.ComponentResource {
  public readonly fileSystemId: pulumi.Output<string>;
  /** The NFS server the volumes mount. */
  public readonly mountTargetDomain: pulumi.Output<string>;
  public readonly claims: corev1.PersistentVolumeClaim[];

  constructor(name: string, args: NasCacheArgs, opts?: pulumi.ComponentResourceOptions) {
    super("gitlab-ci-platform:cache:NasCache", name, {}, opts);
    const child = { parent: this };
    const fileSystem = new nas.FileSystem(
      `${name}-fs`,
      {
        protocolType: "NFS",
        storageType: args.storageType,
        fileSystemType: "standard",
        // NAS-managed key: data at rest is encrypted.
        encryptType: 1,
        zoneId: args.zoneId,
        description: nasDescription(args.namePrefix),
        tags: args.tags,
      },
      { ...child, protect: true, retainOnDelete: true },
    );
    const group = new nas.AccessGroup(
      `${name}-access`,
      { accessGroupName: args.namePrefix, accessGroupType: "Vpc", fileSystemType: "standard" },
      child,
    );
    const rule = new nas.AccessRule(
      `${name}-vpc-rule`,
      {
        accessGroupName: group.accessGroupName,
        fileSystemType: "standard",
        sourceCidrIp: args.sourceCidr,
        rwAccessType: "RDWR",
        userAccessType: "no_squash",
        priority: 1,
      },
      child,
    );
    const mountTarget = new nas.MountTarget(
      `${name}-mount`,
      {
        fileSystemId: fileSystem.id,
        accessGroupName: group.accessGroupName,
        networkType: "Vpc",
        vpcId: args.vpcId,
        vswitchId: args.vswitchId,
      },
      { ...child, dependsOn: [rule] },
    );
    this.fileSystemId = fileSystem.id;
    this.mountTargetDomain = mountTarget.mountTargetDomain;
    this.claims = args.claims.map((plan) => this.pair(name, plan, args));
    this.registerOutputs({ fileSystemId: this.fileSystemId, mountTargetDomain: this.mountTargetDomain });
  }

  private pair(name: string, plan: NasClaimPlan, args: NasCacheArgs): corev1.PersistentVolumeClaim {
    const labels = platformLabels(COMPONENTS.cacheClaim, plan.fleet);
    const options = { parent: this };
    const volume = new corev1.PersistentVolume(
      `${name}-${plan.fleet}-pv`,
      {
        metadata: { name: plan.volume, labels },
        spec: nasVolumeSpec(plan, this.mountTargetDomain, args.path),
      },
      { ...options, protect: true, retainOnDelete: true },
    );
    return new corev1.PersistentVolumeClaim(
      `${name}-${plan.fleet}-pvc`,
      { metadata: { name: plan.claim, namespace: plan.namespace, labels }, spec: nasClaimSpec(plan) },
      { ...options, dependsOn: [volume] },
    );
  }
}
