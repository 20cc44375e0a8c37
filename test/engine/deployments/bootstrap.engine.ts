import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { copyBootstrapProject, installPulumiserviceDouble, previewSteps } from "./bootstrap-workspace";
import { locatePulumi, MISSING_PULUMI_MESSAGE, PulumiSandbox } from "./pulumi-cli";

const STACK = "bootstrap";

describe("deployments/: the bootstrap run by the real Pulumi CLI (local backend, pulumiservice test double)", function () {
  let sandbox: PulumiSandbox | undefined;
  let project: string;

  before(function () {
    const cli = locatePulumi();
    if (!cli) {
      if (process.env.ENGINE_TESTS_REQUIRED === "1") throw new Error(MISSING_PULUMI_MESSAGE);
      console.log(`  ${MISSING_PULUMI_MESSAGE}`);
      this.skip();
    }
    sandbox = new PulumiSandbox(cli);
    installPulumiserviceDouble(sandbox);
    project = copyBootstrapProject(sandbox);
    sandbox.ok(project, ["stack", "init", STACK]);
  });

  after(() => sandbox?.remove());

  it("the shipped bootstrap stack validates with the Alibaba Cloud keys unset, and previews every resource", () => {
    const run = sandbox!.run(project, ["preview", "--stack", STACK, "--json"]);
    assert.doesNotMatch(run.stderr, /validating stack config/);
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    const created = previewSteps(run.stdout)
      .filter((step) => step.op === "create" && step.newState)
      .map((step) => step.newState!.type)
      .sort();
    assert.deepEqual(created, [
      "pulumi:pulumi:Stack",
      "pulumiservice:index:DeploymentSettings",
      "pulumiservice:index:DeploymentSettings",
      "pulumiservice:index:PolicyGroup",
      "pulumiservice:index:PolicyGroup",
    ]);
  });

  it("keys set with pulumi config set --secret are stored encrypted and validate", () => {
    sandbox!.ok(project, [
      "config",
      "set",
      "--stack",
      STACK,
      "--secret",
      "alibabaCloudAccessKeyId",
      "LTAI-engine-test",
    ]);
    const stackFile = readFileSync(join(project, `Pulumi.${STACK}.yaml`), "utf8");
    assert.match(stackFile, /alibabaCloudAccessKeyId:\s*\n\s*secure: /);
    assert.doesNotMatch(stackFile, /LTAI-engine-test/);
    const run = sandbox!.run(project, ["preview", "--stack", STACK, "--json"]);
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
  });
});
