import { strict as assert } from "node:assert";
import * as k8s from "@pulumi/kubernetes";
import { EciImageCache, NasCache, OssCache } from "../../../components/cache";
import { AckServerlessCluster } from "../../../components/cluster";
import { nasClaimPlan } from "../../../model/ack";
import { isSecretValue } from "../../../tools/synth/engine";
import type { RecordedResource } from "../../../tools/synth/engine";
import { ofType, one, recordResources, inputs } from "../../helpers/run-component";
import { DEFAULTS } from "../../../model/defaults";

function cluster(network: ConstructorParameters<typeof AckServerlessCluster>[1]["network"]) {
  return new AckServerlessCluster("cluster", {
    clusterName: "prod",
    clusterSpec: "ack.pro.small",
    serviceCidr: "172.21.0.0/20",
    endpointPublicAccess: false,
    deletionProtection: true,
    tags: { env: "prod" },
    kubeClient: DEFAULTS.cluster.kubeClient,
    network,
  });
}

describe("AckServerlessCluster", () => {
  let created: RecordedResource[];
  before(async () => {
    created = await recordResources(() =>
      cluster({
        create: {
          vpcCidr: "10.20.0.0/16",
          vswitches: [
            { zoneId: "cn-hangzhou-i", cidr: "10.20.0.0/20" },
            { zoneId: "cn-hangzhou-j", cidr: "10.20.16.0/20" },
          ],
          natBandwidth: 100,
        },
      }),
    );
  });

  it("creates the VPC, a vSwitch per zone, an Enhanced NAT gateway with its EIP and a SNAT entry per vSwitch", () => {
    assert.equal(inputs(one(created, "alicloud:vpc/network:Network")).cidrBlock, "10.20.0.0/16");
    const vswitches = ofType(created, "alicloud:vpc/switch:Switch").map(inputs);
    assert.deepEqual(
      vswitches.map((v) => [v.zoneId, v.cidrBlock]),
      [
        ["cn-hangzhou-i", "10.20.0.0/20"],
        ["cn-hangzhou-j", "10.20.16.0/20"],
      ],
    );
    assert.equal(inputs(one(created, "alicloud:vpc/natGateway:NatGateway")).natType, "Enhanced");
    assert.equal(inputs(one(created, "alicloud:ecs/eipAssociation:EipAssociation")).instanceType, "Nat");
    const snat = ofType(created, "alicloud:vpc/snatEntry:SnatEntry").map(inputs);
    assert.deepEqual(snat.map((s) => s.sourceVswitchId).sort(), [
      "cluster-network-vsw-cn-hangzhou-i-id",
      "cluster-network-vsw-cn-hangzhou-j-id",
    ]);
  });

  it("creates the cluster in those vSwitches, without a NAT of its own, with deletion protection and tags", () => {
    const ack = inputs(one(created, "alicloud:cs/serverlessKubernetes:ServerlessKubernetes"));
    assert.equal(ack.newNatGateway, false);
    assert.equal(ack.deletionProtection, true);
    assert.equal(ack.endpointPublicAccessEnabled, false);
    assert.equal(ack.serviceCidr, "172.21.0.0/20");
    assert.equal(ack.vswitchIds.length, 2);
    assert.deepEqual(ack.tags, { env: "prod" });
  });

  it("builds the Kubernetes provider from the secret kubeconfig, identified by the cluster id", () => {
    const provider = inputs(one(created, "pulumi:providers:kubernetes"));
    assert.equal(provider.clusterIdentifier, "cluster-ack-id");
    assert.ok(isSecretValue(provider.kubeconfig), "the kubeconfig reaches the provider as a secret");
  });

  it("updates ConfigMaps and Secrets in place and sends requests at the stack's rate, like the existing cluster's provider", () => {
    const provider = inputs(one(created, "pulumi:providers:kubernetes"));
    assert.equal(String(provider.enableConfigMapMutable), "true");
    assert.equal(String(provider.enableSecretMutable), "true");
    // A provider's object input reaches the engine as JSON.
    assert.deepEqual(JSON.parse(String(provider.kubeClientSettings)), DEFAULTS.cluster.kubeClient);
  });

  it("creates no network with an existing VPC and vSwitches", async () => {
    const existing = await recordResources(() =>
      cluster({ existing: { vpcId: "vpc-1", vswitchIds: ["vsw-1"] } }),
    );
    assert.equal(ofType(existing, "alicloud:vpc/network:Network").length, 0);
    assert.equal(ofType(existing, "alicloud:vpc/natGateway:NatGateway").length, 0);
    assert.deepEqual(
      inputs(one(existing, "alicloud:cs/serverlessKubernetes:ServerlessKubernetes")).vswitchIds,
      ["vsw-1"],
    );
  });
});

describe("NasCache", () => {
  let created: RecordedResource[];
  before(async () => {
    created = await recordResources(() => {
      const kubernetes = new k8s.Provider("k8s", {});
      new NasCache(
        "nas",
        {
          namePrefix: "prod",
          storageType: "Capacity",
          vpcId: "vpc-1",
          vswitchId: "vsw-1",
          zoneId: "cn-hangzhou-i",
          sourceCidr: "10.20.0.0/16",
          path: "/",
          claims: [nasClaimPlan("kaniko", "ci-build", "kaniko-cache", "100Gi")],
          tags: {},
        },
        { providers: [kubernetes] },
      );
    });
  });

  it("creates an encrypted NFS file system, protected and retained on delete", () => {
    const fs = one(created, "alicloud:nas/fileSystem:FileSystem");
    assert.equal(inputs(fs).protocolType, "NFS");
    assert.equal(inputs(fs).encryptType, 1);
    assert.ok(fs.options.protect && fs.options.retainOnDelete);
  });

  it("creates the file system in the mount target's zone, with a description NAS accepts", () => {
    const fs = inputs(one(created, "alicloud:nas/fileSystem:FileSystem"));
    assert.equal(fs.zoneId, "cn-hangzhou-i");
    // 2–128 letters, digits, ':', '_' or '-', starting with a letter (NAS CreateFileSystem).
    assert.match(fs.description as string, /^[A-Za-z][A-Za-z0-9:_-]{1,127}$/);
  });

  it("admits the VPC's CIDR read-write and mounts in the VPC", () => {
    const rule = inputs(one(created, "alicloud:nas/accessRule:AccessRule"));
    assert.equal(rule.sourceCidrIp, "10.20.0.0/16");
    assert.equal(rule.rwAccessType, "RDWR");
    assert.equal(inputs(one(created, "alicloud:nas/mountTarget:MountTarget")).vswitchId, "vsw-1");
  });

  it("binds a protected NFS PV on the mount target to the fleet's claim", () => {
    const pv = one(created, "kubernetes:core/v1:PersistentVolume");
    const pvc = inputs(one(created, "kubernetes:core/v1:PersistentVolumeClaim"));
    assert.ok(pv.options.protect && pv.options.retainOnDelete);
    assert.match(inputs(pv).spec.nfs.server as string, /\.nas\.aliyuncs\.com$/, "the mount target's domain");
    assert.equal(pvc.spec.volumeName, inputs(pv).metadata.name);
    assert.equal(pvc.metadata.namespace, "ci-build");
    assert.equal(pv.provider?.includes("k8s"), true);
  });
});

describe("OssCache", () => {
  let created: RecordedResource[];
  before(async () => {
    created = await recordResources(
      () =>
        new OssCache("oss", { bucketName: "ci-cache-prod", expireDays: 30, namePrefix: "prod", tags: {} }),
    );
  });

  it("creates a private, encrypted, protected bucket whose objects expire", () => {
    const bucket = one(created, "alicloud:oss/bucket:Bucket");
    assert.ok(bucket.options.protect);
    assert.equal(inputs(bucket).serverSideEncryptionRule.sseAlgorithm, "AES256");
    assert.equal(inputs(bucket).forceDestroy, false);
    assert.deepEqual(inputs(bucket).lifecycleRules[0].expirations, [{ days: 30 }]);
    assert.equal(inputs(one(created, "alicloud:oss/bucketAcl:BucketAcl")).acl, "private");
  });

  it("gives a RAM user a policy for that bucket only, and an access key", () => {
    const policy = JSON.parse(inputs(one(created, "alicloud:ram/policy:Policy")).policyDocument as string);
    assert.ok(JSON.stringify(policy).includes("acs:oss:*:*:ci-cache-prod"));
    assert.ok(!JSON.stringify(policy).includes('"*"'));
    assert.equal(
      inputs(one(created, "alicloud:ram/userPolicyAttachment:UserPolicyAttachment")).policyType,
      "Custom",
    );
    assert.deepEqual(one(created, "alicloud:ram/accessKey:AccessKey").options.additionalSecretOutputs, [
      "secret",
    ]);
  });
});

describe("EciImageCache", () => {
  it("caches the listed images with the registry credential as a secret, replaced when the list changes", async () => {
    const created = await recordResources(
      () =>
        new EciImageCache("images", {
          imageCacheName: "prod-runner-0123abcd",
          images: ["alpine:3.20"],
          size: 20,
          vswitchId: "vsw-1",
          securityGroupId: "sg-1",
          registry: { server: "harbor.example.com", username: "robot", password: "pw" },
        }),
    );
    const cache = one(created, "alicloud:eci/imageCache:ImageCache");
    assert.deepEqual(inputs(cache).images, ["alpine:3.20"]);
    // The password's secrecy covers the whole credential list.
    assert.ok(isSecretValue(inputs(cache).imageRegistryCredentials));
    assert.deepEqual(cache.options.replaceOnChanges, ["images"]);
    assert.ok(cache.options.additionalSecretOutputs.includes("imageRegistryCredentials"));
  });
});
