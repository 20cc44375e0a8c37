import { strict as assert } from "node:assert";
import {
  NAS_MOUNT_OPTIONS,
  eciPodAnnotations,
  helperImageFor,
  imageCacheName,
  isPinnedImage,
  nasClaimPlan,
  nasClaimSpec,
  nasVolumeSpec,
  ossBucketPolicyDocument,
  planVSwitches,
  vpcCidrProblem,
} from "../../../../model/ack";
import { imageCacheContents, nasCacheClaims } from "../../../../model/fleet";
import { fleetConfig } from "../../../helpers/fleet";

describe("ACK Serverless network plan", () => {
  it("cuts one /20 per zone from a /16 VPC, in the order the zones are listed", () => {
    assert.deepEqual(planVSwitches("10.20.0.0/16", ["cn-hangzhou-i", "cn-hangzhou-j"]), [
      { zoneId: "cn-hangzhou-i", cidr: "10.20.0.0/20" },
      { zoneId: "cn-hangzhou-j", cidr: "10.20.16.0/20" },
    ]);
  });

  it("refuses a CIDR with host bits set, outside the VPC limits, or too small for the zones", () => {
    assert.match(vpcCidrProblem("10.20.1.0/16", 1) ?? "", /host bits/);
    assert.match(vpcCidrProblem("10.0.0.0/28", 1) ?? "", /between \/8 and \/24/);
    assert.match(vpcCidrProblem("10.0.0.0/16", 17) ?? "", /at most 16 zones/);
    assert.equal(vpcCidrProblem("192.168.0.0/24", 2), undefined);
  });
});

describe("ECI pods and the image cache", () => {
  it("asks for the image cache by ECI's current annotation, and for spot only when the fleet does", () => {
    assert.deepEqual(eciPodAnnotations({ imageCache: true, spot: false }), {
      "k8s.aliyun.com/eci-auto-imc": "true",
    });
    assert.deepEqual(eciPodAnnotations({ imageCache: false, spot: true }), {
      "k8s.aliyun.com/eci-auto-imc": "false",
      "k8s.aliyun.com/eci-spot-strategy": "SpotAsPriceGo",
    });
  });

  it("turns ECI's automatic caches off where the stack keeps none (ECI matches and creates them by default)", () => {
    assert.equal(
      eciPodAnnotations({ imageCache: false, spot: false })["k8s.aliyun.com/eci-auto-imc"],
      "false",
    );
  });

  it("names the helper image of the pinned runner version", () => {
    assert.equal(
      helperImageFor({ repository: "registry.gitlab.com/gitlab-org/gitlab-runner", version: "v19.3.0" }),
      "registry.gitlab.com/gitlab-org/gitlab-runner/gitlab-runner-helper:x86_64-v19.3.0",
    );
  });

  it("treats tags other than latest and digests as pinned, a registry port as no tag", () => {
    assert.ok(isPinnedImage("alpine:3.20"));
    assert.ok(isPinnedImage("harbor.example.com:5000/app/web@sha256:abc"));
    assert.ok(!isPinnedImage("alpine:latest"));
    assert.ok(!isPinnedImage("harbor.example.com:5000/app/web"));
  });

  it("caches the runner, helper, job, helper and service images of every fleet, pinned, sorted, once", () => {
    const fleets = [
      fleetConfig({ name: "a", kubernetes: { image: "node:20", services: [{ name: "postgres:16" }] } }),
      fleetConfig({ name: "b", kubernetes: { image: "node:20", helperImage: "helper:latest" } }),
    ];
    const images = imageCacheContents(
      fleets,
      { image: { repository: "runner", version: "v19.3.0" }, helperImage: "helper:x86_64-v19.3.0" },
      ["kaniko:v1"],
    );
    assert.deepEqual(images, [
      "helper:x86_64-v19.3.0",
      "kaniko:v1",
      "node:20",
      "postgres:16",
      "runner:alpine-v19.3.0",
    ]);
  });

  it("a new runner version gives the cache a new name, the same list the same name", () => {
    const a = imageCacheName("prod-runner", ["runner:alpine-v19.3.0"]);
    assert.equal(a, imageCacheName("prod-runner", ["runner:alpine-v19.3.0"]));
    assert.notEqual(a, imageCacheName("prod-runner", ["runner:alpine-v19.4.0"]));
    assert.match(a, /^prod-runner-[0-9a-f]{8}$/);
  });
});

describe("the NAS cache's PV/PVC pair", () => {
  const plan = nasClaimPlan("kaniko", "ci-build", "kaniko-cache", "100Gi");

  it("is an NFS volume with seed 002's mount options, ReadWriteMany, retained, pre-bound to the claim", () => {
    const spec = nasVolumeSpec(plan, "abc.cn-hangzhou.nas.aliyuncs.com", "/");
    assert.deepEqual(spec.mountOptions, [...NAS_MOUNT_OPTIONS]);
    assert.deepEqual(NAS_MOUNT_OPTIONS, [
      "nolock,noresvport,noacl,hard",
      "vers=3",
      "rsize=1048576",
      "wsize=1048576",
      "proto=tcp",
      "timeo=600",
      "retrans=2",
    ]);
    assert.deepEqual(spec.nfs, { server: "abc.cn-hangzhou.nas.aliyuncs.com", path: "/" });
    assert.deepEqual(spec.accessModes, ["ReadWriteMany"]);
    assert.equal(spec.persistentVolumeReclaimPolicy, "Retain");
    assert.deepEqual(spec.claimRef, { namespace: "ci-build", name: "kaniko-cache" });
  });

  it("binds the claim to its volume by name, with no storage class to provision another", () => {
    const spec = nasClaimSpec(plan);
    assert.equal(spec.volumeName, "ci-build-kaniko-cache");
    assert.equal(spec.storageClassName, "");
    assert.deepEqual(spec.accessModes, ["ReadWriteMany"]);
  });

  it("pairs only the fleets whose cache is nas, in their job namespaces", () => {
    const fleets = [
      fleetConfig({ name: "a", cache: { type: "nas" }, kubernetes: { namespace: "ci-a" } }),
      fleetConfig({ name: "b" }),
    ];
    assert.deepEqual(nasCacheClaims(fleets, "50Gi"), [
      { fleet: "a", namespace: "ci-a", claim: "a-cache", volume: "ci-a-a-cache", size: "50Gi" },
    ]);
  });
});

describe("the OSS cache's RAM policy", () => {
  it("allows object access to its one bucket and nothing else", () => {
    const doc = JSON.parse(ossBucketPolicyDocument("ci-cache")) as {
      Statement: { Resource: string[]; Action: string[] }[];
    };
    const resources = doc.Statement.flatMap((s) => s.Resource);
    assert.deepEqual(resources, ["acs:oss:*:*:ci-cache/*", "acs:oss:*:*:ci-cache"]);
    assert.ok(doc.Statement.every((s) => s.Action.every((a) => a.startsWith("oss:") && !a.includes("*"))));
  });
});
