import { strict as assert } from "node:assert";
import * as fs from "node:fs";
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
      await restrictedImports("policy/facts.ts", 'export { runnerRoleRules } from "../model/fleet";'),
      [],
    );
  });

  it("the policy pack reads the program through policy/facts.ts alone", async () => {
    assert.deepEqual(
      await restrictedImports(
        "policy/rules/example.ts",
        'export { unpinnedReason } from "../../model/images";',
      ),
      ["../../model/images"],
    );
    assert.deepEqual(
      await restrictedImports("policy/example.ts", 'export { runnerRoleRules } from "../model/fleet";'),
      ["../model/fleet"],
    );
  });
});

const BINDINGS = "components/gitlab/bindings";

/** The modules of the bindings folder each module imports, type-only imports included. */
function bindingsImportGraph(): Map<string, string[]> {
  const files = fs.readdirSync(path.join(ROOT, BINDINGS)).filter((f) => f.endsWith(".ts"));
  return new Map(
    files.map((file) => {
      const text = fs.readFileSync(path.join(ROOT, BINDINGS, file), "utf8");
      const targets = [...text.matchAll(/from "\.\/([^"]+)"/g)].map((m) => `${m[1]}.ts`);
      return [file, targets];
    }),
  );
}

/** A cycle through `start`, as the list of modules on it, if there is one. */
function cycleFrom(graph: Map<string, string[]>, start: string): string[] | undefined {
  const walk = (file: string, trail: string[]): string[] | undefined => {
    for (const next of graph.get(file) ?? []) {
      if (next === start) return [...trail, next];
      if (!trail.includes(next)) {
        const found = walk(next, [...trail, next]);
        if (found) return found;
      }
    }
    return undefined;
  };
  return walk(start, [start]);
}

describe("the GitLab bindings stand alone (a package replaceable by @pulumi/gitlab)", function () {
  this.timeout(30000);

  it("eslint refuses an import from outside the bindings folder", async () => {
    const code = [
      'import { MIN_RUNNER_MAXIMUM_TIMEOUT_SECONDS } from "../../../model/gitlab-limits";',
      'import { withProviderVersion } from "./version";',
      'import * as pulumi from "@pulumi/pulumi";',
      "export const used = [MIN_RUNNER_MAXIMUM_TIMEOUT_SECONDS, withProviderVersion, pulumi];",
    ].join("\n");
    assert.deepEqual(await restrictedImports(`${BINDINGS}/example.ts`, code), [
      "../../../model/gitlab-limits",
    ]);
  });

  it("no module of the bindings imports one that imports it back, not even for a type", () => {
    const graph = bindingsImportGraph();
    assert.ok(graph.size > 10, "the bindings' modules are read");
    const cycles = [...graph.keys()].map((file) => cycleFrom(graph, file)).filter((c) => c !== undefined);
    assert.deepEqual(cycles, []);
  });
});
