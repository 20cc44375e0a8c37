import {
  storageCachesProtected,
  storageOssAclPrivate,
  storageOssPrivateEncrypted,
  storageVolumesBoundToTheirClaim,
} from "../../policy/rules/storage";
import { UNKNOWN, type ResourceView } from "../../policy/view";
import { assertFlags, assertPasses } from "./check";
import { view } from "./fixture-base";

const CACHE_LABELS = { "app.kubernetes.io/component": "runner-cache" };

function bucket(props: Record<string, unknown> = {}, protect = true): ResourceView {
  return {
    ...view("alicloud:oss/bucket:Bucket", "cache-bucket", {
      bucket: "ci-cache",
      serverSideEncryptionRule: { sseAlgorithm: "AES256" },
      forceDestroy: false,
      ...props,
    }),
    protect,
  };
}

function cacheVolume(
  spec: Record<string, unknown> = {},
  protect = true,
  labels: Record<string, string> = CACHE_LABELS,
): ResourceView {
  return {
    ...view("kubernetes:core/v1:PersistentVolume", "kaniko-pv", {
      metadata: { name: "ci-kaniko-cache", labels },
      spec: {
        persistentVolumeReclaimPolicy: "Retain",
        nfs: { server: "nas.example", path: "/" },
        claimRef: { namespace: "ci-build", name: "kaniko-cache" },
        ...spec,
      },
    }),
    protect,
  };
}

const fileSystem = (protect: boolean): ResourceView => ({
  ...view("alicloud:nas/fileSystem:FileSystem", "cache-fs", { protocolType: "NFS" }),
  protect,
});

describe("policy: storage", () => {
  it("protected, retained, encrypted, private cache storage passes", () => {
    assertPasses(storageCachesProtected, [bucket(), cacheVolume(), fileSystem(true)]);
    assertPasses(storageOssPrivateEncrypted, [bucket()]);
    assertPasses(storageOssAclPrivate, [view("alicloud:oss/bucketAcl:BucketAcl", "acl", { acl: "private" })]);
  });

  it("an unprotected NAS file system, bucket or cache volume is flagged", () => {
    assertFlags(storageCachesProtected, [fileSystem(false)], {
      resource: "cache-fs",
      mentions: /protect: true/,
    });
    assertFlags(storageCachesProtected, [bucket({}, false)], {
      resource: "cache-bucket",
      mentions: /protect/,
    });
    assertFlags(storageCachesProtected, [cacheVolume({}, false)], {
      resource: "kaniko-pv",
      mentions: /protect/,
    });
  });

  it("a cache volume that deletes its data is flagged; other volumes are not judged", () => {
    assertFlags(storageCachesProtected, [cacheVolume({ persistentVolumeReclaimPolicy: "Delete" })], {
      resource: "kaniko-pv",
      mentions: /Retain/,
    });
    assertPasses(storageCachesProtected, [
      cacheVolume({ persistentVolumeReclaimPolicy: "Delete" }, false, {}),
    ]);
  });

  it("an unencrypted, public or force-destroyed bucket is flagged", () => {
    assertFlags(storageOssPrivateEncrypted, [bucket({ serverSideEncryptionRule: undefined })], {
      resource: "cache-bucket",
      mentions: /unencrypted/,
    });
    assertFlags(storageOssPrivateEncrypted, [bucket({ acl: "public-read" })], {
      resource: "cache-bucket",
      mentions: /public-read/,
    });
    assertFlags(storageOssPrivateEncrypted, [bucket({ forceDestroy: true })], {
      resource: "cache-bucket",
      mentions: /forceDestroy/,
    });
  });

  it("a public bucket ACL is flagged", () => {
    assertFlags(
      storageOssAclPrivate,
      [view("alicloud:oss/bucketAcl:BucketAcl", "acl", { acl: "public-read-write" })],
      {
        resource: "acl",
        mentions: /acl: private/,
      },
    );
  });

  it("a volume pre-bound to its claim passes; one any claim could bind is flagged", () => {
    assertPasses(storageVolumesBoundToTheirClaim, [cacheVolume()]);
    assertFlags(storageVolumesBoundToTheirClaim, [cacheVolume({ claimRef: undefined })], {
      resource: "kaniko-pv",
      mentions: /any PersistentVolumeClaim that fits, in any namespace, can bind it/,
    });
    assertFlags(storageVolumesBoundToTheirClaim, [cacheVolume({ claimRef: { name: "kaniko-cache" } })], {
      resource: "kaniko-pv",
      mentions: /names no claim/,
    });
  });

  it("a claimRef unknown at preview is reported as could not check", () => {
    assertFlags(storageVolumesBoundToTheirClaim, [cacheVolume({ claimRef: UNKNOWN })], {
      resource: "kaniko-pv",
      mentions: /unknown at preview/,
      couldNotCheck: true,
    });
  });

  it("encryption, ACL or reclaim policy unknown at preview are reported as could not check", () => {
    assertFlags(storageOssPrivateEncrypted, [bucket({ serverSideEncryptionRule: UNKNOWN })], {
      resource: "cache-bucket",
      mentions: /serverSideEncryptionRule is unknown at preview/,
      couldNotCheck: true,
    });
    assertFlags(storageOssAclPrivate, [view("alicloud:oss/bucketAcl:BucketAcl", "acl", { acl: UNKNOWN })], {
      resource: "acl",
      mentions: /acl is unknown at preview/,
      couldNotCheck: true,
    });
    assertFlags(storageCachesProtected, [cacheVolume({ persistentVolumeReclaimPolicy: UNKNOWN })], {
      resource: "kaniko-pv",
      mentions: /persistentVolumeReclaimPolicy is unknown at preview/,
      couldNotCheck: true,
    });
  });
});
