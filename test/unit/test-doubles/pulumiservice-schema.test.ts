import * as assert from "node:assert/strict";
import { loadSchema, schemaFailures } from "../../engine/deployments/pulumiservice-double/schema";

const SETTINGS = "pulumiservice:index:DeploymentSettings";
const valid = {
  organization: "acme",
  project: "gitlab-ci-platform",
  stack: "dev",
  vcs: { provider: "gitlab", repository: "platform/gitlab-ci-platform", paths: ["**"] },
  operationContext: { environmentVariables: { A: "b" }, options: { skipInstallDependencies: true } },
};

describe("the pulumiservice test double checks inputs against pulumi-pulumiservice v1.3.0's schema", () => {
  const schema = loadSchema();

  it("names the release it was taken from", () => {
    assert.equal(schema.source.tag, "v1.3.0");
    assert.match(schema.source.commit, /^[0-9a-f]{40}$/);
  });

  it("accepts DeploymentSettings as the SDK sends them, secrets and unknown values included", () => {
    const secret = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "k" };
    const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    const inputs = {
      ...valid,
      agentPoolId: unknown,
      operationContext: { environmentVariables: { K: secret } },
    };
    assert.deepEqual(schemaFailures(schema, SETTINGS, inputs), []);
  });

  it("reports a property the schema does not declare, with its path", () => {
    assert.deepEqual(schemaFailures(schema, SETTINGS, { ...valid, vcs: { ...valid.vcs, branch: "main" } }), [
      { property: "vcs.branch", reason: "is not a property of the schema" },
    ]);
  });

  it("reports a missing required input and a value of the wrong type", () => {
    const { stack: _stack, ...withoutStack } = valid;
    assert.deepEqual(schemaFailures(schema, SETTINGS, { ...withoutStack, agentPoolId: 7 }), [
      { property: "stack", reason: "is required" },
      { property: "agentPoolId", reason: "must be a string" },
    ]);
  });

  it("reports a type that is not a resource of the schema", () => {
    assert.equal(schemaFailures(schema, "pulumiservice:index:Nope", {}).length, 1);
  });
});
