import { strict as assert } from "node:assert";
import { refusals, warnings } from "./harness/apply";
import { Deployment, deployStack } from "./harness/deploy";
import { stackNames } from "./harness/synth";

describe("every stack applied to a real API server", () => {
  for (const stack of stackNames()) {
    describe(`stack ${stack}`, () => {
      let deployment: Deployment;
      before(async () => {
        deployment = await deployStack(stack);
      });

      it("every synthesized object is accepted (server-side apply, strict field validation)", () => {
        assert.ok(deployment.objects.length > 0, "synth rendered no objects");
        assert.deepEqual(refusals(deployment.report), []);
      });

      it("no object draws a warning, so no workload falls short of its namespace's Pod Security levels", () => {
        assert.deepEqual(warnings(deployment.report), []);
      });
    });
  }
});
