import { strict as assert } from "node:assert";
import * as path from "node:path";
import { sample } from "../../../../tools/bench/measure";
import { programLaunch } from "../../../../tools/bench/program-environment";
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
    const launch = programLaunch(ROOT, "prod");
    const measured = sample(
      ROOT,
      ["-r", "./tools/typescript/register.js", "tools/bench/program-start.ts", ...launch.args],
      launch.env,
    );
    const exported = JSON.parse(synthOnce("prod").files.get("stack.json")!) as {
      deployment: { resources: unknown[] };
    };
    assert.equal(measured.resources, exported.deployment.resources.length);
    assert.ok(measured.registeredMs > 0 && measured.peakRssMb > 0);
  });
});
