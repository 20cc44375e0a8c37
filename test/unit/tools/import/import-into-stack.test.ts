import { strict as assert } from "node:assert";
import { ConfigValidationError, loadStackConfig } from "../../../../config";
import { importHelmValues } from "../../../../tools/import/helm-import";
import { importToml } from "../../../../tools/import/toml-import";
import { fakeReader } from "../../../helpers/config-reader";
import { SEED_HELM, SEED_TOML, fixture } from "./import-fixtures";

/** Problems that would mean the importer writes keys the stack configuration does not have. */
const SHAPE_PROBLEM = /unknown key|unknown configuration key|is managed by the platform/;

function stackProblems(stackConfig: Record<string, unknown>): string[] {
  const values: Record<string, unknown> = { gitlabToken: "t" };
  for (const [key, value] of Object.entries(stackConfig))
    values[key.replace(/^gitlab-ci-platform:/, "")] = value;
  values.gitlab = { url: "https://gitlab.example.com", ...(values.gitlab as object), group: "platform" };
  try {
    loadStackConfig(fakeReader(values, ["gitlabToken"]));
    return [];
  } catch (err) {
    if (!(err instanceof ConfigValidationError)) throw err;
    return err.problems.map((p) => `${p.path}: ${p.reason}`);
  }
}

describe("imported configurations fit the stack configuration", () => {
  const cases = [
    ...SEED_TOML.map((f) => ({ file: f, result: () => importToml(fixture(f)) })),
    ...SEED_HELM.map((f) => ({ file: f, result: () => importHelmValues(fixture(f)) })),
  ];
  for (const c of cases) {
    it(`${c.file}: every emitted key is one the loader accepts`, () => {
      const result = c.result();
      assert.deepEqual(result.problems, []);
      const shape = stackProblems(result.stackConfig).filter((p) => SHAPE_PROBLEM.test(p));
      assert.deepEqual(shape, []);
    });
  }
});

describe("an imported S3 cache", () => {
  it("becomes the fleet's cache.type s3, loads, and lists the credentials and unsupported stores", () => {
    const result = importToml(`[[runners]]
  executor = "kubernetes"
  [runners.cache]
    Type = "s3"
    Shared = true
    [runners.cache.s3]
      ServerAddress = "minio.example.com:9000"
      BucketName = "cache"
      AccessKey = "AKIA"
      ServerSideEncryption = "S3"
    [runners.cache.gcs]
      BucketName = "g"
`);
    const [fleet] = result.stackConfig["gitlab-ci-platform:fleets"] as Record<string, unknown>[];
    assert.deepEqual(fleet.cache, {
      type: "s3",
      serverAddress: "minio.example.com:9000",
      bucketName: "cache",
      shared: true,
    });
    assert.deepEqual(
      result.notCarried.map((n) => n.path).sort(),
      [
        "runners[0].cache.gcs",
        "runners[0].cache.s3.AccessKey",
        "runners[0].cache.s3.ServerSideEncryption",
      ].sort(),
    );
    const problems = stackProblems(result.stackConfig).filter((p) => SHAPE_PROBLEM.test(p));
    assert.deepEqual(problems, []);
  });
});

describe("the Helm importer carries every manager value the stack can express", () => {
  const values = `
replicas: 3
nodeSelector: { pool: ci }
tolerations: [{ key: dedicated, operator: Equal, value: ci, effect: NoSchedule }]
affinity:
  podAntiAffinity:
    preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 100
        podAffinityTerm: { topologyKey: kubernetes.io/hostname, labelSelector: { matchLabels: { app: r } } }
topologySpreadConstraints: [{ maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway }]
priorityClassName: ci-managers
podAnnotations: { cluster-autoscaler.kubernetes.io/safe-to-evict: "false" }
podLabels: { team: platform }
imagePullSecrets: [{ name: mirror-pull }]
envVars: [{ name: HTTPS_PROXY, value: "http://proxy:3128" }]
extraEnv: { NO_PROXY: ".svc" }
extraEnvFrom: { PROXY_PASSWORD: { secretKeyRef: { name: proxy, key: password } } }
resources: { requests: { cpu: 100m, memory: 128Mi } }
`;

  it("replicas, nodeSelector and the chart's pod options land in the fleet, listed nowhere as lost", () => {
    const result = importHelmValues(values);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.notCarried, []);
    const [fleet] = result.stackConfig["gitlab-ci-platform:fleets"] as Record<string, unknown>[];
    assert.equal(fleet.replicas, 3);
    const manager = fleet.manager as Record<string, unknown>;
    assert.deepEqual(manager.nodeSelector, { pool: "ci" });
    assert.equal(manager.priorityClassName, "ci-managers");
    assert.deepEqual(manager.imagePullSecrets, ["mirror-pull"]);
    assert.deepEqual(manager.requests, { cpu: "100m", memory: "128Mi" });
    assert.deepEqual(manager.env, [
      { name: "HTTPS_PROXY", value: "http://proxy:3128" },
      { name: "NO_PROXY", value: ".svc" },
      { name: "PROXY_PASSWORD", secret: { name: "proxy", key: "password" } },
    ]);
  });

  it("the carried block is a valid stack configuration", () => {
    assert.deepEqual(stackProblems(importHelmValues(values).stackConfig), []);
  });
});

describe("the Helm importer and the manager image", () => {
  for (const image of [
    "gitlab/gitlab-runner:ubuntu-v17.4.0",
    "{registry: registry.gitlab.com, image: gitlab-org/gitlab-runner, tag: ubuntu-v17.4.0}",
  ]) {
    it(`an ubuntu image (${image}) becomes manager.imageFlavor; the pinned version stays the platform's`, () => {
      const result = importHelmValues(`image: ${image}\n`);
      const [fleet] = result.stackConfig["gitlab-ci-platform:fleets"] as {
        manager: Record<string, unknown>;
      }[];
      assert.equal(fleet.manager.imageFlavor, "ubuntu");
      assert.deepEqual(
        result.notCarried.map((l) => l.path),
        ["image"],
      );
      assert.match(result.notCarried[0].reason, /runnerImage\.version.*manager\.imageFlavor/);
    });
  }
});
