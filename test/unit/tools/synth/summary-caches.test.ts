import { strict as assert } from "node:assert";
import { renderConfigToml } from "../../../../model/config-toml";
import { renderSummary } from "../../../../tools/synth/summary";

describe("synth's summary lists each fleet's cache", () => {
  it("a GCS cache shows as GCS with its bucket", () => {
    const toml = renderConfigToml({
      runners: [
        {
          name: "k8s",
          url: "https://gitlab.example.com",
          token: "${RUNNER_TOKEN}",
          executor: "kubernetes",
          cache: {
            type: "gcs",
            shared: true,
            gcs: { bucketName: "ci-cache", credentialsFile: "/k/credentials.json" },
          },
        },
      ],
    });
    const summary = renderSummary({
      stack: "dev",
      resources: [],
      objects: [],
      runnerConfigs: new Map([["runner/k8s.config.toml", toml]]),
      cacheTypes: new Map([["k8s", "gcs"]]),
      warnings: [],
      missingSecrets: [],
    });
    assert.match(summary, /\| k8s \| GCS \| gs:\/\/ci-cache \| shared \|/);
  });

  it("an OSS cache shows as S3 at its endpoint; a NAS cache as the volume of its claim, with its size", () => {
    const runner = (name: string, extra: object) => ({
      name,
      url: "https://gitlab.example.com",
      token: "${RUNNER_TOKEN}",
      executor: "kubernetes" as const,
      ...extra,
    });
    const oss = renderConfigToml({
      runners: [
        runner("k8s", {
          cache: {
            type: "s3v2",
            shared: true,
            s3: {
              serverAddress: "oss-cn-hangzhou-internal.aliyuncs.com",
              bucketName: "ci",
              authenticationType: "iam",
            },
          },
        }),
      ],
    });
    const nas = renderConfigToml({
      runners: [
        runner("kaniko", {
          kubernetes: {
            volumes: { pvc: [{ name: "kaniko-cache", mountPath: "/cache", subPath: "kaniko" }] },
          },
        }),
      ],
    });
    const claim = {
      apiVersion: "v1",
      kind: "PersistentVolumeClaim",
      metadata: { name: "kaniko-cache", labels: { "app.kubernetes.io/component": "runner-cache" } },
      spec: { resources: { requests: { storage: "100Gi" } } },
    };
    const summary = renderSummary({
      stack: "prod",
      resources: [],
      objects: [claim],
      runnerConfigs: new Map([
        ["runner/k8s.config.toml", oss],
        ["runner/kaniko.config.toml", nas],
      ]),
      cacheTypes: new Map([
        ["k8s", "oss"],
        ["kaniko", "nas"],
      ]),
      warnings: [],
      missingSecrets: [],
    });
    assert.match(summary, /\| k8s \| S3 \| oss-cn-hangzhou-internal\.aliyuncs\.com\/ci \| shared \|/);
    assert.match(summary, /\| kaniko \| volume \| claim kaniko-cache \(100Gi\) \| shared \|/);
  });
});
