import { strict as assert } from "node:assert";
import { deployAccessProblems, scopeMatches } from "../../../../model/pipelines";

describe("GitLab environment scopes", () => {
  for (const [scope, environment, matches] of [
    ["*", "production", true],
    ["production", "production", true],
    ["production", "Production", false],
    ["production", "production-eu", false],
    ["review/*", "review/feature-1", true],
    ["review/*", "reviewer", false],
    ["*-eu", "production-eu", true],
    ["prod.eu", "prodxeu", false],
  ] as const) {
    it(`${scope} ${matches ? "applies" : "does not apply"} to ${environment}`, () =>
      assert.equal(scopeMatches(scope, environment), matches));
  }
});

describe("deploy access of a pipeline job", () => {
  const access = [{ project: "platform/shop", environmentScope: "review/*" }];
  const job = (environment?: { name: string; action?: string }) => ({
    name: "deploy",
    tags: [],
    services: [],
    environment,
  });

  it("is needed by a job that starts or stops an environment, not by one that only prepares or verifies it", () => {
    assert.equal(deployAccessProblems(job({ name: "production" }), access, "dev").length, 1);
    assert.equal(deployAccessProblems(job({ name: "production", action: "stop" }), access, "dev").length, 1);
    assert.deepEqual(deployAccessProblems(job({ name: "production", action: "prepare" }), access, "dev"), []);
    assert.deepEqual(deployAccessProblems(job(), access, "dev"), []);
  });

  it("a variable in the environment name stands for any text", () => {
    assert.deepEqual(deployAccessProblems(job({ name: "review/$CI_COMMIT_REF_SLUG" }), access, "dev"), []);
  });
});
