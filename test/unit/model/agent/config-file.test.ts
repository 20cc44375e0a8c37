import { strict as assert } from "node:assert";
import { parse } from "yaml";
import { agentConfigPath, renderAgentConfig } from "../../../../model/agent";

describe("the agent's configuration file", () => {
  const text = renderAgentConfig(
    [
      { project: "platform/shop", environments: ["staging", "dev"] },
      { project: "platform/inventory", environments: ["dev"] },
      { project: "platform/shop", environments: ["dev", "review/main"] },
    ],
    "platform/k8s-agents",
    "the gitlab-ci-platform stack dev",
  );

  it("lives where GitLab reads it: .gitlab/agents/<name>/config.yaml", () => {
    assert.equal(agentConfigPath("dev-cluster"), ".gitlab/agents/dev-cluster/config.yaml");
  });

  it("authorises exactly the projects given and its own, impersonated as the CI/CD job, each limited to its environments", () => {
    assert.deepEqual(parse(text), {
      ci_access: {
        projects: [
          { id: "platform/inventory", access_as: { ci_job: {} }, environments: ["dev"] },
          // The configuration project: its jobs impersonated too, not acting as agentk (GitLab's implicit grant).
          { id: "platform/k8s-agents", access_as: { ci_job: {} } },
          { id: "platform/shop", access_as: { ci_job: {} }, environments: ["dev", "review/main", "staging"] },
        ],
      },
    });
  });

  it("says who manages it, and is the same text for the same authorisations in any order", () => {
    assert.match(text, /^# the gitlab-ci-platform stack dev: pulumi up overwrites any change made here\.\n/);
    const reordered = renderAgentConfig(
      [
        { project: "platform/shop", environments: ["review/main", "dev", "staging"] },
        { project: "platform/inventory", environments: ["dev"] },
      ],
      "platform/k8s-agents",
      "the gitlab-ci-platform stack dev",
    );
    assert.equal(reordered, text);
  });
});
