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
      warnings: [],
      missingSecrets: [],
    });
    assert.match(summary, /\| k8s \| GCS \| gs:\/\/ci-cache \| shared \|/);
  });
});
