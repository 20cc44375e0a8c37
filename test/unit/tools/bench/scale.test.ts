import { strict as assert } from "node:assert";
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { loadStackConfig } from "../../../../config";
import { environmentOf } from "../../../../model/environment";
import { writeScaleStack } from "../../../../tools/bench/scale";
import { settingsReader } from "../../../../tools/synth/settings-reader";
import { offlineStackSettings } from "../../../../tools/synth/stack-config";

const ROOT = resolve(__dirname, "../../../..");

/** The generated stack's configuration as synth and the program load it (every problem refused at once). */
function loadScaleStack(fleets: number, targets: number) {
  const stack = "bench-scale-unit-test";
  const file = writeScaleStack(ROOT, stack, fleets, targets);
  try {
    const { settings } = offlineStackSettings(ROOT, stack);
    return loadStackConfig(settingsReader(settings), environmentOf(stack));
  } finally {
    rmSync(file, { force: true });
  }
}

describe("bench: the generated scale stacks", () => {
  // The sizes the benchmark measures: a stack it cannot load would stop it, not measure it.
  for (const [fleets, targets] of [
    [10, 100],
    [25, 250],
    [50, 500],
  ]) {
    it(`${fleets} fleets and ${targets} deploy targets pass the config check, half of them through the agent`, () => {
      const config = loadScaleStack(fleets, targets);
      assert.equal(config.fleets.length, fleets);
      const environments = config.applications.flatMap((a) => a.environments.map(() => a.access));
      assert.equal(environments.length, targets);
      const agent = environments.filter((access) => access === "agent").length;
      assert.ok(Math.abs(2 * agent - targets) <= 2, `${agent} of ${targets} through the agent`);
    });
  }
});
