import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { ROOT, runSynth } from "../helpers/synth";

describe("offline synth of an invalid stack file", function () {
  this.timeout(30000);
  const stack = "invalid-config-test";
  const file = path.join(ROOT, `Pulumi.${stack}.yaml`);

  after(() => fs.rmSync(file, { force: true }));

  it("exits 2 naming an unknown key and every other problem, and writes nothing", () => {
    const dev = parse(fs.readFileSync(path.join(ROOT, "Pulumi.dev.yaml"), "utf8"));
    dev.config["gitlab-ci-platform:someTypo"] = 1;
    dev.config["gitlab-ci-platform:fleets"] = [{ name: "Bad Name" }];
    fs.writeFileSync(file, stringify(dev));
    const run = runSynth(stack);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /gitlab-ci-platform:someTypo: unknown configuration key — /);
    assert.match(run.stderr, /gitlab-ci-platform:fleets\[0\]\.name: /);
    assert.equal(run.files.size, 0);
  });

  it("exits 2 for a stack without a stack file", () => {
    const run = runSynth("no-such-stack");
    assert.equal(run.status, 2);
    assert.match(run.stderr, /Pulumi\.no-such-stack\.yaml does not exist/);
  });
});
