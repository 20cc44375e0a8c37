import fc from "fast-check";
import { strict as assert } from "node:assert";
import { parseConfigToml, renderConfigToml } from "../../../../model/config-toml";
import { runnerConfigArbitrary } from "./arbitraries";

describe("config.toml render ⇄ parse (property)", () => {
  it("render → parse gives the model back, and render → parse → render is byte-identical", () => {
    fc.assert(
      fc.property(runnerConfigArbitrary, (generated) => {
        // fast-check builds null-prototype objects; the parser returns plain ones.
        const model = JSON.parse(JSON.stringify(generated)) as typeof generated;
        const text = renderConfigToml(model);
        const parsed = parseConfigToml(text);
        assert.deepEqual(parsed.problems, [], text);
        assert.deepStrictEqual(parsed.config, model);
        assert.equal(renderConfigToml(parsed.config!), text);
      }),
      { numRuns: 100 },
    );
  });
});
