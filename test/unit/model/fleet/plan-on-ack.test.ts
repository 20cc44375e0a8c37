import { strict as assert } from "node:assert";
import { parse as parseToml } from "@iarna/toml";
import { type FleetContext, planFleet } from "../../../../model/fleet";
import { fleetConfig } from "../../../helpers/fleet";

const context = (extra: Partial<FleetContext> = {}): FleetContext => ({
  stack: "prod",
  gitlab: { url: "https://gitlab.example.com", defaultGroup: "platform" },
  managerNamespace: "gitlab-runner",
  hostAliases: [],
  runnerImage: { repository: "registry.gitlab.com/gitlab-org/gitlab-runner", version: "v19.3.0" },
  // The stack creates the OSS cache's key: it holds it as soon as a fleet caches in OSS.
  credentials: ["ossCacheAccessKey", "ossCacheSecretKey"],
  ...extra,
});
const onEci = { virtualNodes: { imageCache: true, helperImage: "helper:x86_64-v19.3.0" } };
const oss = {
  serverAddress: "oss-cn-hangzhou-internal.aliyuncs.com",
  bucketName: "ci",
  bucketLocation: "cn-hangzhou",
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed TOML is free-form
const kubernetesOf = (toml: string): any => (parseToml(toml) as any).runners[0].kubernetes;

describe("planFleet on ACK Serverless (ECI virtual nodes)", () => {
  it("annotates job pods for the image cache, and for spot when the fleet asks, and names the cached helper", () => {
    const k = kubernetesOf(planFleet(fleetConfig({ eci: { spot: true } }), context(onEci)).configToml);
    assert.deepEqual(k.pod_annotations, {
      "k8s.aliyun.com/eci-auto-imc": "true",
      "k8s.aliyun.com/eci-spot-strategy": "SpotAsPriceGo",
    });
    assert.equal(k.helper_image, "helper:x86_64-v19.3.0");
  });

  it("lets the fleet's own pod annotations and helper image win", () => {
    const fleet = fleetConfig({
      kubernetes: { podAnnotations: { "k8s.aliyun.com/eci-auto-imc": "false" }, helperImage: "mine:v1" },
    });
    const k = kubernetesOf(planFleet(fleet, context(onEci)).configToml);
    assert.equal(k.pod_annotations["k8s.aliyun.com/eci-auto-imc"], "false");
    assert.equal(k.helper_image, "mine:v1");
  });

  it("annotates the manager pods for the image cache, never for spot", () => {
    const plan = planFleet(fleetConfig({ eci: { spot: true } }), context(onEci));
    assert.deepEqual(plan.manager.podAnnotations, { "k8s.aliyun.com/eci-auto-imc": "true" });
  });

  it("adds nothing of ECI on a cluster with nodes", () => {
    const plan = planFleet(fleetConfig(), context());
    const k = kubernetesOf(plan.configToml);
    assert.equal(k.pod_annotations, undefined);
    assert.equal(k.helper_image, undefined);
    assert.equal(plan.manager.podAnnotations, undefined);
  });

  it("mounts a NAS fleet's claim at /cache in its own sub-directory and creates no claim itself", () => {
    const plan = planFleet(fleetConfig({ cache: { type: "nas" } }), context(onEci));
    assert.equal(plan.claims.cache, undefined, "the NasCache component creates the bound PV/PVC pair");
    assert.deepEqual(kubernetesOf(plan.configToml).volumes.pvc, [
      { name: "k8s-cache", mount_path: "/cache", sub_path: "k8s", mount_propagation: "None" },
    ]);
  });

  it("points an OSS fleet's s3v2 cache at the bucket, virtual-host style, keys from the environment", () => {
    const plan = planFleet(
      fleetConfig({ cache: { type: "oss", shared: true } }),
      context({ ...onEci, ossCache: oss }),
    );
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed TOML is free-form
    const cache = (parseToml(plan.configToml) as any).runners[0].cache;
    assert.equal(cache.Type, "s3v2");
    assert.equal(cache.Shared, true);
    assert.deepEqual(cache.s3, {
      ServerAddress: oss.serverAddress,
      BucketName: "ci",
      BucketLocation: "cn-hangzhou",
      Insecure: false,
      PathStyle: false,
      AuthenticationType: "iam",
    });
    assert.deepEqual(
      plan.manager.credentials.map((read) => read.secret),
      ["k8s-cache-s3"],
    );
  });
});
