import { MANDATORY, ResourceRule } from "../rule";
import {
  Finding,
  ResourceView,
  asRecord,
  asString,
  at,
  containsUnknown,
  describe,
  isUnknown,
  label,
  unknownFinding,
} from "../view";

const NAS_FILE_SYSTEM = "alicloud:nas/fileSystem:FileSystem";
const OSS_BUCKET = "alicloud:oss/bucket:Bucket";
const PERSISTENT_VOLUME = "kubernetes:core/v1:PersistentVolume";
/** The component label value of runner caches (model/labels.ts COMPONENTS.cacheClaim). */
const RUNNER_CACHE = "runner-cache";

function isCacheVolume(resource: ResourceView): boolean {
  return (
    resource.type !== PERSISTENT_VOLUME || label(resource, "app.kubernetes.io/component") === RUNNER_CACHE
  );
}

export const storageCachesProtected: ResourceRule = {
  kind: "resource",
  name: "storage-caches-protected",
  threats: ["EDIT-4"],
  description:
    "Cache storage (NAS file systems, OSS buckets, the runner caches' PersistentVolumes) is protected from deletion, and volumes retain their data.",
  severity: "high",
  enforcement: MANDATORY,
  types: [NAS_FILE_SYSTEM, OSS_BUCKET, PERSISTENT_VOLUME],
  check(resource) {
    if (!isCacheVolume(resource)) return [];
    const findings: Finding[] = [];
    if (!resource.protect) {
      findings.push({
        field: "protect",
        message: `${describe(resource)} can be deleted by an update that no longer declares it — create it with protect: true (remove it on purpose with pulumi state unprotect)`,
      });
    }
    const reclaim = at(resource.props, "spec.persistentVolumeReclaimPolicy");
    if (resource.type === PERSISTENT_VOLUME && isUnknown(reclaim)) {
      findings.push(unknownFinding(resource, "spec.persistentVolumeReclaimPolicy"));
    } else if (resource.type === PERSISTENT_VOLUME && reclaim !== "Retain") {
      findings.push({
        field: "spec.persistentVolumeReclaimPolicy",
        message: `${describe(resource)} reclaims its data as ${String(reclaim ?? "the default")} — set persistentVolumeReclaimPolicy: Retain`,
      });
    }
    return findings;
  },
};

export const storageOssPrivateEncrypted: ResourceRule = {
  kind: "resource",
  name: "storage-oss-private-encrypted",
  threats: ["EDIT-4"],
  description:
    "OSS buckets are encrypted at rest, never public, and never force-destroyed with their objects.",
  severity: "high",
  enforcement: MANDATORY,
  types: [OSS_BUCKET],
  check(resource) {
    const unknown = ["serverSideEncryptionRule", "acl", "forceDestroy"].filter((field) =>
      containsUnknown(at(resource.props, field)),
    );
    const findings: Finding[] = unknown.map((field) => unknownFinding(resource, field));
    const sse = asString(at(resource.props, "serverSideEncryptionRule.sseAlgorithm"));
    if (!unknown.includes("serverSideEncryptionRule") && !sse) {
      findings.push({
        field: "serverSideEncryptionRule",
        message: `${describe(resource)} stores objects unencrypted — set serverSideEncryptionRule.sseAlgorithm (AES256 or KMS)`,
      });
    }
    const acl = asString(resource.props.acl);
    if (acl && acl.startsWith("public")) {
      findings.push({
        field: "acl",
        message: `${describe(resource)} is ${acl} — make it private (oss.BucketAcl acl: private)`,
      });
    }
    if (resource.props.forceDestroy === true) {
      findings.push({
        field: "forceDestroy",
        message: `${describe(resource)} would be deleted with every object in it — remove forceDestroy and empty the bucket on purpose`,
      });
    }
    return findings;
  },
};

export const storageOssAclPrivate: ResourceRule = {
  kind: "resource",
  name: "storage-oss-acl-private",
  threats: ["EDIT-4"],
  description: "OSS bucket ACLs are private.",
  severity: "high",
  enforcement: MANDATORY,
  types: ["alicloud:oss/bucketAcl:BucketAcl"],
  check(resource) {
    const acl = at(resource.props, "acl");
    if (isUnknown(acl)) return [unknownFinding(resource, "acl")];
    if (acl === "private") return [];
    return [{ field: "acl", message: `${describe(resource)} grants ${String(acl)} — set acl: private` }];
  },
};

export const storageVolumesBoundToTheirClaim: ResourceRule = {
  kind: "resource",
  name: "storage-volumes-bound-to-their-claim",
  threats: ["DEPLOY-4"],
  description:
    "PersistentVolumes the stack provisions name the claim they are for (claimRef), so no other namespace's claim can bind them.",
  severity: "high",
  enforcement: MANDATORY,
  types: [PERSISTENT_VOLUME],
  check(resource) {
    const claimRef = at(resource.props, "spec.claimRef");
    if (isUnknown(claimRef)) {
      return [
        {
          field: "spec.claimRef",
          couldNotCheck: true,
          message: `${describe(resource)}: spec.claimRef is unknown at preview, so which claim may bind it could not be checked — name the claim from values known at preview`,
        },
      ];
    }
    const ref = asRecord(claimRef) ?? {};
    if (asString(ref.name) && asString(ref.namespace)) return [];
    return [
      {
        field: "spec.claimRef",
        message: `${describe(resource)} names no claim (spec.claimRef with name and namespace): any PersistentVolumeClaim that fits, in any namespace, can bind it and read or write its data — set claimRef to the claim it is for`,
      },
    ];
  },
};
