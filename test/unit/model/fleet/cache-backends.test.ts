import { strict as assert } from "node:assert";
import { parse as parseToml } from "@iarna/toml";
import {
  CACHE_BACKENDS,
  CACHE_STACK_SECRETS,
  type CacheType,
  cacheBackend,
  cacheSpecSchema,
  type FleetContext,
  planFleet,
} from "../../../../model/fleet";
import { SECRET_KEYS } from "../../../../config/schema";
import { fleetConfig } from "../../../helpers/fleet";

/** A cache of each type as a stack file writes it: a new member of the union needs one here to compile. */
const SAMPLES: Record<CacheType, Record<string, unknown>> = {
  none: { type: "none" },
  pvc: { type: "pvc", size: "20Gi", storageClass: "nfs-client" },
  s3: { type: "s3", serverAddress: "s3.example.com", bucketName: "ci-cache", shared: true },
  nas: { type: "nas" },
  oss: { type: "oss", shared: true },
  gcs: { type: "gcs", bucketName: "ci-cache" },
  azure: {
    type: "azure",
    accountName: "cicache",
    containerName: "runner-cache",
    clientId: "0b9a2f3c-4d5e-4f60-8a7b-9c0d1e2f3a4b",
  },
};

/** A stack that holds every credential value a cache can read, and has an OSS bucket. */
const context = (credentials: readonly string[]): FleetContext => ({
  stack: "dev",
  gitlab: { url: "https://gitlab.example.com", defaultGroup: "platform" },
  managerNamespace: "gitlab-runner",
  hostAliases: [],
  runnerImage: { repository: "registry.gitlab.com/gitlab-org/gitlab-runner", version: "v19.3.0" },
  ossCache: {
    serverAddress: "oss-cn-hangzhou-internal.aliyuncs.com",
    bucketName: "ci",
    bucketLocation: "cn-hangzhou",
  },
  credentials,
});
const EVERY_VALUE = Object.values(CACHE_BACKENDS).flatMap((row) =>
  "credential" in row ? row.credential.entries.map((e) => e.from) : [],
);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed TOML is free-form
const runnerOf = (toml: string): any => (parseToml(toml) as any).runners[0];

describe("cache backends: one row per member of the cache union", () => {
  it("the table has a row for every member the fleet contract accepts, and no other", () => {
    const members = cacheSpecSchema
      .unwrap()
      .options.map((option) => option.shape.type.value)
      .sort();
    assert.deepEqual(Object.keys(CACHE_BACKENDS).sort(), members);
  });

  it("the stack file's secrets include each backend's, and the backends' are stated by the rows alone", () => {
    assert.deepEqual(CACHE_STACK_SECRETS, ["cacheS3AccessKey", "cacheS3SecretKey", "cacheGcsCredentials"]);
    for (const key of CACHE_STACK_SECRETS) assert.ok((SECRET_KEYS as readonly string[]).includes(key), key);
  });

  for (const [type, sample] of Object.entries(SAMPLES)) {
    describe(`a fleet caching with ${type}`, () => {
      const fleet = fleetConfig({ cache: sample });
      const row = cacheBackend(fleet.cache);
      const plan = planFleet(fleet, context(EVERY_VALUE));
      const runner = runnerOf(plan.configToml);

      it("renders the row's [runners.cache] section, or none for a cache that is no bucket", () => {
        const section = row.section?.(fleet.cache, {
          fleet: "k8s",
          cacheClaim: "k8s-cache",
          ossCache: context([]).ossCache,
        });
        assert.equal(runner.cache?.Type, section?.type);
      });

      it("mounts the row's claim at the cache directory, and creates it only when the fleet owns it", () => {
        const volume = row.volume?.(fleet.cache, { fleet: "k8s", cacheClaim: "k8s-cache" });
        const mounted = (runner.kubernetes.volumes?.pvc ?? []).filter(
          (v: { mount_path: string }) => v.mount_path === "/cache",
        );
        assert.deepEqual(
          mounted.map((v: { name: string; sub_path?: string }) => [v.name, v.sub_path]),
          volume ? [[volume.claim, volume.subPath]] : [],
        );
        assert.deepEqual(plan.claims.cache, volume?.created);
      });

      it("plans the row's credential Secret, read by the manager as the row says, only while the stack holds it", () => {
        const credential = "credential" in row ? row.credential : undefined;
        const cacheSecrets = plan.credentials.filter((s) => s.namespace === "gitlab-runner");
        assert.deepEqual(
          cacheSecrets.map((s) => [s.name, Object.keys(s.data), s.rollsManagers]),
          credential
            ? [[`k8s-${credential.suffix}`, credential.entries.map((e) => e.key), credential.rollsManagers]]
            : [],
        );
        assert.deepEqual(
          plan.manager.credentials.map((c) => c.secret),
          cacheSecrets.map((s) => s.name),
        );
        const withoutOne = credential ? EVERY_VALUE.filter((v) => v !== credential.entries[0].from) : [];
        assert.deepEqual(planFleet(fleet, context(withoutOne)).manager.credentials, []);
      });

      it("gives manager and job pods the row's workload identity, and none without one", () => {
        const identity = row.identity?.(fleet.cache);
        assert.deepEqual(plan.serviceAccountAnnotations, identity?.serviceAccountAnnotations);
        for (const [label, value] of Object.entries(identity?.podLabels ?? {})) {
          assert.equal(runner.kubernetes.pod_labels?.[label], value);
          assert.equal(plan.manager.pod.podLabels[label], value);
        }
        if (!identity) assert.equal(runner.kubernetes.pod_labels, undefined);
      });
    });
  }
});
