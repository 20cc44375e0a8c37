import { strict as assert } from "node:assert";
import * as path from "node:path";
import { programLaunch } from "../../../../tools/bench/program-environment";
import { THIS_PROJECT, start } from "../../../../tools/bench/startup";
import { offlineStackSettings } from "../../../../tools/synth/stack-config";
import { synthOnce } from "../../../helpers/synth";

const ROOT = path.resolve(__dirname, "../../../..");

describe("bench: the measured program start", function () {
  this.timeout(60000);

  it("hands the program its stack's configuration the way the CLI does (PULUMI_CONFIG, PULUMI_CONFIG_SECRET_KEYS)", () => {
    const launch = programLaunch(ROOT, "prod");
    const { settings } = offlineStackSettings(ROOT, "prod");
    assert.deepEqual(launch.args, ["gitlab-ci-platform", "prod"]);
    assert.deepEqual(JSON.parse(launch.env.PULUMI_CONFIG), settings.config);
    const secretKeys = JSON.parse(launch.env.PULUMI_CONFIG_SECRET_KEYS) as string[];
    assert.ok(secretKeys.includes("gitlab-ci-platform:gitlabToken"));
  });

  it("registers every resource synth does, and reports when", () => {
    const measured = start(ROOT, THIS_PROJECT, "prod");
    const exported = JSON.parse(synthOnce("prod").files.get("stack.json")!) as {
      deployment: { resources: unknown[] };
    };
    assert.equal(measured.resources, exported.deployment.resources.length);
    assert.ok(measured.registeredMs > 0 && measured.peakRssMb > 0);
  });
});
