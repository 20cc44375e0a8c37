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

describe("deploy access through the GitLab agent", () => {
  const access = [
    {
      project: "platform/inventory",
      environmentScope: "dev",
      agentContext: "platform/k8s-agents:dev-cluster",
    },
    { project: "platform/shop", environmentScope: "dev" },
  ];
  const job = (project: string | undefined, kubeContext?: string) => ({
    problems: deployAccessProblems(
      { name: "deploy", tags: [], services: [], environment: { name: "dev" }, kubeContext },
      access,
      "dev",
      project,
    ),
  });

  it("a job of an agent environment passes when it selects the agent's kubecontext", () => {
    assert.deepEqual(job("platform/inventory", "platform/k8s-agents:dev-cluster").problems, []);
  });

  it("fails when it selects none or another, naming the context to select", () => {
    for (const context of [undefined, "platform/k8s-agents:other"]) {
      const [problem] = job("platform/inventory", context).problems;
      assert.equal(problem.path, 'jobs["deploy"].kubeContext');
      assert.match(problem.fix ?? "", /agent_context: platform\/k8s-agents:dev-cluster/);
    }
  });

  it("a job of a KUBECONFIG environment fails when it selects an agent's context", () => {
    assert.match(
      job("platform/shop", "platform/k8s-agents:dev-cluster").problems[0].reason,
      /gets a KUBECONFIG/,
    );
    assert.deepEqual(job("platform/shop").problems, []);
  });

  it("a project not named may take either: the agent's context, or the KUBECONFIG's own", () => {
    assert.deepEqual(job(undefined, "platform/k8s-agents:dev-cluster").problems, []);
    assert.deepEqual(job(undefined).problems, []);
    assert.equal(job(undefined, "platform/k8s-agents:other").problems.length, 1);
  });
});
