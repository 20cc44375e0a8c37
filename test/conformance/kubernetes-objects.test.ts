import { strict as assert } from "node:assert";
import { parse } from "yaml";
import { validateK8sObject } from "../helpers/k8s-validate";
import { stackNames, synthOnce } from "../helpers/synth";

describe("synthesized Kubernetes objects", function () {
  this.timeout(60000);
  for (const stack of stackNames()) {
    it(`stack ${stack}: every object is valid against the Kubernetes OpenAPI schema`, async () => {
      const run = synthOnce(stack);
      assert.equal(run.status, 0, run.stderr);
      const failures: string[] = [];
      for (const [file, content] of run.files) {
        if (!file.startsWith("k8s/")) continue;
        const error = await validateK8sObject(parse(content));
        if (error) failures.push(`${file}: ${error}`);
      }
      assert.deepEqual(failures, []);
    });
  }
});
