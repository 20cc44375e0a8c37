import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import TOML from "@iarna/toml";
import { ConfigValidationError } from "../../config";
import { importToml } from "../../tools/import/toml-import";
import { loadOfflineStackConfig } from "../../tools/synth/stack-config";
import { ROOT, type SynthRun } from "../helpers/synth";
import { FIXTURES, SEED_TOML } from "../unit/tools/import/import-fixtures";
import { type RunnerBinary, runnerOrSkip } from "./harness/binary";
import { describeFailures, lintAll } from "./harness/lint";
import { runnerConfigs, synthDevWithFleets, withDevStackFile } from "./harness/stack-variant";

const RUNNER_DOCS = path.join(FIXTURES, "runner-docs");
const EXTRA = {
  gitSsh: { knownHosts: "gitlab.example.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKey" },
};

/**
 * The corpus: the field reports' config.toml files, the Kubernetes examples of GitLab Runner's documentation
 * (v19.3.0; a block that starts below [[runners]] gets the [[runners]] header it assumes) and configs of our own.
 */
function corpus(): [name: string, text: string][] {
  const docs = fs
    .readdirSync(RUNNER_DOCS)
    .sort()
    .map((file): [string, string] => {
      const text = fs.readFileSync(path.join(RUNNER_DOCS, file), "utf8");
      return [`runner-docs/${file}`, /^\s*\[\[runners\]\]/m.test(text) ? text : `[[runners]]\n${text}`];
    });
  const own = fs
    .readdirSync(FIXTURES)
    .filter((file) => file.startsWith("own-") && file.endsWith(".toml"))
    .map((file): [string, string] => [file, fs.readFileSync(path.join(FIXTURES, file), "utf8")]);
  const seeds = SEED_TOML.map((file): [string, string] => [
    file,
    fs.readFileSync(path.join(FIXTURES, file), "utf8"),
  ]);
  return [...seeds, ...docs, ...own];
}

/** Every fleet the importer carries over, named after its source so a failure points at the file. */
function importedFleets(): { source: string; fleet: Record<string, unknown> }[] {
  return corpus().flatMap(([name, text], n) => {
    const result = importToml(text);
    assert.deepEqual(result.problems, [], `${name} imports`);
    const fleets = result.stackConfig["gitlab-ci-platform:fleets"] as Record<string, unknown>[];
    return fleets.map((fleet, i) => ({
      source: `${name} fleet ${i}`,
      fleet: { ...fleet, name: `imported-${n}-${i}` },
    }));
  });
}

/** The fleets the stack's rules refuse, by index, as loading the stack file reports them. */
function refusedFleets(fleets: Record<string, unknown>[]): Map<number, string[]> {
  const refused = new Map<number, string[]>();
  withDevStackFile("import-check", fleets, EXTRA, (stack) => {
    try {
      loadOfflineStackConfig(ROOT, stack);
    } catch (error) {
      if (!(error instanceof ConfigValidationError)) throw error;
      for (const problem of error.problems) {
        const index = /:fleets\[(\d+)\]/.exec(problem.path)?.[1];
        if (index === undefined)
          throw new Error(`a stack-wide problem: ${problem.path}: ${problem.reason}`, { cause: error });
        refused.set(Number(index), [
          ...(refused.get(Number(index)) ?? []),
          `${problem.path}: ${problem.reason}`,
        ]);
      }
    }
  });
  return refused;
}

describe("import round trip: every config.toml the importer carries over renders back to one the runner lints clean", function () {
  this.timeout(180000);
  let runner: RunnerBinary;
  let run: SynthRun;
  let rendered: { source: string; fleet: Record<string, unknown> }[];
  let refused: { source: string; problems: string[] }[];

  before(function () {
    runner = runnerOrSkip(this);
    let candidates = importedFleets();
    refused = [];
    // Refusals can depend on other fleets (a shared job namespace): check again without the refused ones.
    for (let round = 0; round < 3; round++) {
      const problems = refusedFleets(candidates.map((c) => c.fleet));
      if (problems.size === 0) break;
      refused.push(...[...problems].map(([i, list]) => ({ source: candidates[i].source, problems: list })));
      candidates = candidates.filter((_, i) => !problems.has(i));
    }
    rendered = candidates;
    run = synthDevWithFleets(
      "import-roundtrip",
      rendered.map((c) => c.fleet),
      EXTRA,
    );
  });

  it("most imported fleets are accepted as they are; the others are refused with a reason, never rendered", () => {
    assert.equal(run.status, 0, run.stderr);
    assert.ok(
      rendered.length >= 30,
      `only ${rendered.length} accepted; refused: ${JSON.stringify(refused, null, 2)}`,
    );
    for (const { source, problems } of refused) assert.ok(problems.length > 0, source);
  });

  it("every accepted fleet's config.toml passes the pinned runner's lint", async () => {
    const configs = runnerConfigs(run);
    const documents = rendered.map((c) => [c.source, configs.get(String(c.fleet.name)) ?? ""] as const);
    assert.deepEqual(describeFailures(await lintAll(runner, documents)), []);
  });

  it("a config of an older runner comes back with what v19.3.0 requires: preemptive_mode, DNS option values, mount_propagation", () => {
    const own = rendered.find((c) => c.source.startsWith("own-older-runner.toml"));
    assert.ok(own, "own-older-runner.toml is accepted");
    const k = (
      TOML.parse(runnerConfigs(run).get(String(own.fleet.name))!) as unknown as {
        runners: { kubernetes: Record<string, Record<string, unknown[]>> }[];
      }
    ).runners[0].kubernetes;
    assert.deepEqual(
      (k.autoscaler.policy as { preemptive_mode: boolean }[]).map((p) => p.preemptive_mode),
      [true, false],
    );
    assert.deepEqual(k.dns_config.options, [
      { name: "ndots", value: "2" },
      { name: "single-request-reopen", value: "" },
    ]);
    for (const kind of ["pvc", "empty_dir"])
      for (const volume of k.volumes[kind] as { mount_propagation: string }[])
        assert.equal(volume.mount_propagation, "None");
  });
});
