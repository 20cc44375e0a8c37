import fc from "fast-check";
import { strict as assert } from "node:assert";
import { parseConfigToml, renderConfigToml } from "../../../../model/config-toml";
import { withRequiredFields } from "../../../../model/config-toml/required-fields";
import { DEFAULTS } from "../../../../model/defaults";
import { runnerConfigArbitrary } from "./arbitraries";

describe("config.toml render ⇄ parse (property)", () => {
  it("render → parse gives the model back (with the fields the runner requires), and render → parse → render is byte-identical", () => {
    fc.assert(
      fc.property(runnerConfigArbitrary, (generated) => {
        // fast-check builds null-prototype objects; the parser returns plain ones.
        const model = JSON.parse(JSON.stringify(generated)) as typeof generated;
        const text = renderConfigToml(model);
        const parsed = parseConfigToml(text);
        assert.deepEqual(parsed.problems, [], text);
        assert.deepStrictEqual(parsed.config, withRequiredFields(model, DEFAULTS.runnerImage.version));
        assert.equal(renderConfigToml(parsed.config!), text);
      }),
      { numRuns: 100 },
    );
  });
});
