import { strict as assert } from "node:assert";
import * as path from "node:path";
import { ESLint } from "eslint";
import { ROOT } from "../../helpers/synth";

/** Lints a would-be file of a layer with the project's own eslint config; returns the restricted imports it names. */
async function restrictedImports(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages
    .filter((m) => m.ruleId === "no-restricted-imports")
    .map((m) => /'([^']+)'/.exec(m.message)?.[1] ?? m.message);
}

describe("the layers import one way down (enforced by eslint)", function () {
  this.timeout(30000);

  it("the pure layer imports no Pulumi resource module, no component, no config and no tool", async () => {
    const code = [
      'import * as k8s from "@pulumi/kubernetes";',
      'import { RunnerFleet } from "../../components/runner";',
      'import { loadStackConfig } from "../../config";',
      'import { synthesize } from "../../tools/synth/synth";',
      'import type * as pulumi from "@pulumi/pulumi";',
      'import { DEFAULTS } from "../defaults";',
      "export const used = [k8s, RunnerFleet, loadStackConfig, synthesize, DEFAULTS];",
      "export type Out = pulumi.Output<string>;",
    ].join("\n");
    assert.deepEqual(await restrictedImports("model/fleet/example.ts", code), [
      "@pulumi/kubernetes",
      "../../components/runner",
      "../../config",
      "../../tools/synth/synth",
    ]);
  });

  it("config imports no component; components import no config", async () => {
    assert.deepEqual(
      await restrictedImports("config/example.ts", 'export { RunnerFleet } from "../components/runner";'),
      ["../components/runner"],
    );
    assert.deepEqual(
      await restrictedImports(
        "components/runner/example.ts",
        'export { loadStackConfig } from "../../config";',
      ),
      ["../../config"],
    );
  });

  it("components and the entry import the provider modules they use, never a provider package's index", async () => {
    const code = [
      'import * as k8s from "@pulumi/kubernetes";',
      'import * as alicloud from "@pulumi/alicloud";',
      'import type * as types from "@pulumi/kubernetes";',
      'import * as corev1 from "@pulumi/kubernetes/core/v1";',
      'import * as policyv1 from "@pulumi/kubernetes/policy/v1";',
      'import * as vpc from "@pulumi/alicloud/vpc";',
      "export const used = [k8s, alicloud, corev1, policyv1, vpc];",
      "export type Provider = types.Provider;",
    ].join("\n");
    const restricted = ["@pulumi/kubernetes", "@pulumi/alicloud"];
    assert.deepEqual(await restrictedImports("components/runner/example.ts", code), restricted);
    assert.deepEqual(await restrictedImports("index.ts", code), restricted);
  });

  it("the policy pack and the tools read the pure layer, never components", async () => {
    const components = 'export { RunnerFleet } from "../components/runner";';
    assert.deepEqual(await restrictedImports("policy/example.ts", components), ["../components/runner"]);
    assert.deepEqual(
      await restrictedImports(
        "tools/synth/example.ts",
        'export { RunnerFleet } from "../../components/runner";',
      ),
      ["../../components/runner"],
    );
    assert.deepEqual(
      await restrictedImports("policy/example.ts", 'export { runnerRoleRules } from "../model/fleet";'),
      [],
    );
  });
});
