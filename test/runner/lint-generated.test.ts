import { strict as assert } from "node:assert";
import fc from "fast-check";
import { type RunnerConfig, renderConfigToml } from "../../model/config-toml";
import { PINNED_RUNNER, type RunnerBinary, runnerOrSkip } from "./harness/binary";
import { describeFailures, lintAll } from "./harness/lint";
import { presentKeys, tableKeys } from "./generators/coverage";
import { keysBeyondOverrides, NEVER_RENDERED, runnerConfigFor, sectionKeys } from "./generators/model-config";

/** A fixed seed keeps CI reproducible; set RUNNER_LINT_SEED to explore others. */
const SEED = Number(process.env.RUNNER_LINT_SEED ?? 22);
const SAMPLES = 16;

let samples: { complete: RunnerConfig[]; partial: RunnerConfig[] } | undefined;
/** Generated once for all tests of this file. */
function generated() {
  samples ??= {
    complete: fc.sample(runnerConfigFor(PINNED_RUNNER, true), { seed: SEED, numRuns: SAMPLES }),
    partial: fc.sample(runnerConfigFor(PINNED_RUNNER), { seed: SEED + 1, numRuns: SAMPLES }),
  };
  return samples;
}
const complete = () => generated().complete;
const partial = () => generated().partial;

/** The TOML keys the generated models may hold: every key the pinned runner reads, but secrets. */
function expectedKeys(): string[] {
  const beyond = new Set(Object.keys(keysBeyondOverrides(PINNED_RUNNER)));
  return sectionKeys()
    .filter(([path]) => !beyond.has(path) && !NEVER_RENDERED.includes(path))
    .map(([, key]) => key);
}

function keysOf(configs: RunnerConfig[]): Set<string> {
  return new Set(configs.flatMap((config) => [...presentKeys(config)]));
}

describe("the generator of config.toml models exercises the whole model", () => {
  it("its complete samples hold every key the pinned runner reads (but the secrets renderConfigToml refuses)", () => {
    const [seen, expected] = [keysOf(complete()), new Set(expectedKeys())];
    assert.deepEqual(
      [...expected].filter((key) => !seen.has(key)),
      [],
    );
    assert.deepEqual(
      [...seen].filter((key) => !expected.has(key)),
      [],
    );
  });

  it("its other samples leave out each optional table in some cases", () => {
    const samples = partial();
    const always = tableKeys()
      .filter((key) => key !== "runners")
      .filter((key) => samples.every((config) => presentKeys(config).has(key)));
    assert.deepEqual(always, []);
  });
});

describe("gitlab-runner lint: generated config.toml models", function () {
  this.timeout(120000);
  let runner: RunnerBinary;
  before(function () {
    runner = runnerOrSkip(this);
  });

  it(`every rendered model passes the pinned runner's lint (seed ${SEED}, ${2 * SAMPLES} models)`, async () => {
    const documents = [...complete(), ...partial()].map(
      (config, i) => [`model #${i} (seed ${SEED})`, renderConfigToml(config)] as const,
    );
    assert.deepEqual(describeFailures(await lintAll(runner, documents)), []);
  });
});
