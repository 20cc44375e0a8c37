import * as assert from "node:assert/strict";
import { analyzeStackExport } from "../../policy/analyze";
import { formatText } from "../../policy/report";
import { stackNames, synthOnce } from "../helpers/synth";

describe("policy: the shipped stacks", () => {
  for (const stack of stackNames()) {
    it(`${stack} has no mandatory violation in its synthesized export`, function () {
      this.timeout(60000);
      const run = synthOnce(stack);
      assert.equal(run.status, 0, run.stderr);
      const analysis = analyzeStackExport(JSON.parse(run.files.get("stack.json") ?? "null"));
      assert.equal(analysis.stack, stack);
      assert.equal(analysis.mandatory, 0, formatText(analysis));
    });
  }
});
