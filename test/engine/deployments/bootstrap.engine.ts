import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { locateEngine, MISSING_ENGINE_MESSAGE } from "../harness/binaries";
import { PulumiWorkspace } from "../harness/workspace";
import { copyBootstrapProject, installPulumiserviceDouble, previewSteps } from "./bootstrap-workspace";

const STACK = "bootstrap";

describe("deployments/: the bootstrap run by the real Pulumi CLI (local backend, pulumiservice test double)", function () {
  let sandbox: PulumiWorkspace | undefined;
  let project: string;

  before(async function () {
    const binaries = locateEngine();
    if (!binaries) {
      if (process.env.ENGINE_TESTS_REQUIRED === "1") throw new Error(MISSING_ENGINE_MESSAGE);
      console.log(`  ${MISSING_ENGINE_MESSAGE}`);
      this.skip();
    }
    sandbox = PulumiWorkspace.open(binaries);
    await installPulumiserviceDouble(sandbox);
    project = copyBootstrapProject(sandbox);
    await sandbox.ok(project, ["stack", "init", STACK]);
  });

  after(() => sandbox?.close());

  const preview = async () => {
    const run = await sandbox!.run(project, ["preview", "--stack", STACK, "--json"]);
    assert.doesNotMatch(run.stderr, /validating stack config/);
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    return { run, steps: previewSteps(run.stdout) };
  };

  it("the shipped bootstrap stack validates with the Alibaba Cloud keys unset, and previews what it can run", async () => {
    const { steps } = await preview();
    const created = steps
      .filter((step) => step.op === "create" && step.newState)
      .map((step) => step.newState!.type)
      .sort();
    // dev's settings and both environments' policy groups; prod waits for its agent pool and key.
    assert.deepEqual(created, [
      "pulumi:pulumi:Stack",
      "pulumiservice:index:DeploymentSettings",
      "pulumiservice:index:PolicyGroup",
      "pulumiservice:index:PolicyGroup",
    ]);
  });

  it("with the key set as secrets and an agent pool, prod's settings are planned and show no key", async () => {
    for (const [key, value] of [
      ["alibabaCloudAccessKeyId", "LTAI-engine-test"],
      ["alibabaCloudAccessKeySecret", "engine-test-secret"],
    ])
      await sandbox!.ok(project, ["config", "set", "--stack", STACK, "--secret", key, value]);
    await sandbox!.ok(project, [
      "config",
      "set",
      "--stack",
      STACK,
      "--path",
      "stacks[1].agentPoolId",
      "pool-in-the-vpc",
    ]);
    const stackFile = readFileSync(join(project, `Pulumi.${STACK}.yaml`), "utf8");
    assert.match(stackFile, /alibabaCloudAccessKeySecret:\s*\n\s*secure: /);
    assert.doesNotMatch(stackFile, /LTAI-engine-test|engine-test-secret/);
    const { run, steps } = await preview();
    const prod = steps.find(
      (step) =>
        step.newState?.type === "pulumiservice:index:DeploymentSettings" &&
        step.newState.inputs.stack === "prod",
    );
    assert.ok(prod, "prod's deployment settings are planned");
    assert.equal(prod.newState!.inputs.agentPoolId, "pool-in-the-vpc");
    assert.doesNotMatch(run.stdout, /LTAI-engine-test|engine-test-secret/, "the preview shows no key");
  });
});
