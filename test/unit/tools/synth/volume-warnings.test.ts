import { strict as assert } from "node:assert";
import { renderConfigToml } from "../../../../model/config-toml";
import { externalVolumeWarningsOf } from "../../../../tools/synth/volume-warnings";
import type { K8sObject } from "../../../../tools/synth/k8s-files";

const toml = renderConfigToml({
  concurrent: 1,
  runners: [
    {
      name: "seed",
      url: "https://gitlab.example.com",
      token: "${RUNNER_TOKEN}",
      executor: "kubernetes",
      kubernetes: {
        namespace: "ci",
        volumes: {
          secret: [
            { name: "gitlab-credentials", mountPath: "/root/gitlab-credentials" },
            { name: "seed-registry", mountPath: "/kaniko/.docker" },
          ],
        },
      },
    },
  ],
});
const object = (kind: string, name: string, namespace: string): K8sObject =>
  ({ apiVersion: "v1", kind, metadata: { name, namespace } }) as K8sObject;

describe("synth warns about job volumes naming objects the stack does not create", () => {
  it("names the missing Secret, its namespace and what the platform offers instead; not the one it creates", () => {
    const warnings = externalVolumeWarningsOf(
      [object("Secret", "seed-registry", "ci"), object("Secret", "gitlab-credentials", "other")],
      new Map([["runner/seed.config.toml", toml]]),
    );
    assert.equal(warnings.length, 1);
    assert.match(
      warnings[0],
      /^fleet seed: job pods mount Secret "gitlab-credentials" .* namespace ci; .*gitSsh/,
    );
  });
});
