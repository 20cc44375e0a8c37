import { strict as assert } from "node:assert";
import { type AckServerlessSpec, planAckServerless } from "../../../../model/fleet";
import { fleetConfig } from "../../../helpers/fleet";

const spec = (extra: Partial<AckServerlessSpec> = {}): AckServerlessSpec => ({
  clusterName: "prod",
  region: "cn-hangzhou",
  network: { vpcCidr: "10.20.0.0/16", zones: ["cn-hangzhou-i"], natBandwidth: 100 },
  nas: { size: "100Gi" },
  oss: { bucketName: "ci-cache", expireDays: 30 },
  imageCache: { enabled: true, size: 20, images: [] },
  runnerImage: { repository: "registry.gitlab.com/gitlab-org/gitlab-runner", version: "v19.3.0" },
  fleets: [fleetConfig()],
  ...extra,
});

describe("planAckServerless decides what the ACK Serverless side creates", () => {
  it("creates a network from the zones, or uses the existing VPC and vSwitches", () => {
    assert.deepEqual(planAckServerless(spec()).network, {
      create: {
        vpcCidr: "10.20.0.0/16",
        vswitches: [{ zoneId: "cn-hangzhou-i", cidr: "10.20.0.0/20" }],
        natBandwidth: 100,
      },
    });
    const existing = spec({
      network: { vpcCidr: "10.0.0.0/8", vpcId: "vpc-1", vswitchIds: ["vsw-1"], natBandwidth: 100 },
    });
    assert.deepEqual(planAckServerless(existing).network, {
      existing: { vpcId: "vpc-1", vswitchIds: ["vsw-1"] },
    });
  });

  it("plans the OSS bucket only when a fleet caches in it, reached at the region's internal endpoint", () => {
    assert.equal(planAckServerless(spec()).oss, undefined);
    const oss = planAckServerless(spec({ fleets: [fleetConfig({ cache: { type: "oss" } })] })).oss;
    assert.deepEqual(oss, {
      bucketName: "ci-cache",
      expireDays: 30,
      serverAddress: "oss-cn-hangzhou-internal.aliyuncs.com",
      bucketLocation: "cn-hangzhou",
    });
  });

  it("plans NAS pairs only for NAS fleets", () => {
    assert.deepEqual(planAckServerless(spec()).nasClaims, []);
    const plan = planAckServerless(spec({ fleets: [fleetConfig({ cache: { type: "nas" } })] }));
    assert.equal(plan.nasClaims.length, 1);
  });

  it("plans the image cache and its annotations only when enabled; the helper is always named", () => {
    const on = planAckServerless(spec());
    assert.ok(on.imageCache?.images.includes("registry.gitlab.com/gitlab-org/gitlab-runner:alpine-v19.3.0"));
    assert.match(on.imageCache?.name ?? "", /^prod-runner-[0-9a-f]{8}$/);
    const off = planAckServerless(spec({ imageCache: { enabled: false, size: 20, images: [] } }));
    assert.equal(off.imageCache, undefined);
    assert.deepEqual(off.virtualNodes, {
      imageCache: false,
      helperImage: "registry.gitlab.com/gitlab-org/gitlab-runner/gitlab-runner-helper:x86_64-v19.3.0",
    });
  });

  it("gives the image cache the registry credential only when it caches an image from that registry", () => {
    const harbor = "harbor.example.com";
    assert.equal(planAckServerless(spec({ registryServer: harbor })).imageCache?.registryCredential, false);
    const cached = spec({
      registryServer: harbor,
      imageCache: { enabled: true, size: 20, images: ["harbor.example.com/ci/maven:3.9"] },
    });
    assert.equal(planAckServerless(cached).imageCache?.registryCredential, true);
    assert.equal(
      planAckServerless(spec()).imageCache?.registryCredential,
      false,
      "no registry, no credential",
    );
  });

  it("warns about fleets whose pods waste their ECI shape or pull past the image cache", () => {
    const wasteful = fleetConfig({
      kubernetes: { cpuLimit: "2", memoryLimit: "2Gi", helperCpuLimit: "500m", helperMemoryLimit: "256Mi" },
    });
    const warnings = planAckServerless(spec({ fleets: [wasteful] })).warnings;
    assert.ok(
      warnings.some((w) => w.startsWith("fleets[0] (k8s): job pods are billed by ECI as 4 vCPU / 4 GiB")),
    );
    const fitting = fleetConfig({
      manager: { limits: { cpu: "500m", memory: "1Gi" } },
      kubernetes: {
        cpuLimit: "1500m",
        memoryLimit: "3584Mi",
        helperCpuLimit: "500m",
        helperMemoryLimit: "512Mi",
      },
    });
    assert.deepEqual(planAckServerless(spec({ fleets: [fitting] })).warnings, []);
  });
});
