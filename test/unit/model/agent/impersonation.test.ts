import { strict as assert } from "node:assert";
import {
  agentImpersonationRules,
  ciJobIdentity,
  impersonableGroups,
  isCiJobGroup,
  type CiJob,
} from "../../../../model/agent";

/** GitLab's documented example: group1 (23) / group1-1 (25) / project1 (150), environment prod of tier production. */
const DOCUMENTED_JOB: CiJob = {
  jobId: 1074499489,
  pipelineId: 7,
  username: "alice",
  projectId: 150,
  groupIds: [23, 25],
  environment: { slug: "prod", tier: "production" },
  agentId: 3,
  configProjectId: 12,
};

describe("the identity GitLab's agent server impersonates for a CI/CD job (access_as: ci_job)", () => {
  it("is the user gitlab:ci_job:<job id> with the groups GitLab's documentation lists, in its order", () => {
    const identity = ciJobIdentity(DOCUMENTED_JOB);
    assert.equal(identity.username, "gitlab:ci_job:1074499489");
    assert.deepEqual(identity.groups, [
      "gitlab:ci_job",
      "gitlab:group:23",
      "gitlab:group_env_tier:23:production",
      "gitlab:group:25",
      "gitlab:group_env_tier:25:production",
      "gitlab:project:150",
      "gitlab:project_env:150:prod",
      "gitlab:project_env_tier:150:production",
    ]);
  });

  it("carries the agent server's extra keys; the environment's only when the job has one", () => {
    const identity = ciJobIdentity(DOCUMENTED_JOB);
    assert.deepEqual(identity.extra["agent.gitlab.com/environment_slug"], ["prod"]);
    assert.deepEqual(identity.extra["agent.gitlab.com/ci_job_id"], ["1074499489"]);
    const { environment: _, ...noEnvironment } = DOCUMENTED_JOB;
    const plain = ciJobIdentity(noEnvironment);
    assert.deepEqual(plain.groups, [
      "gitlab:ci_job",
      "gitlab:group:23",
      "gitlab:group:25",
      "gitlab:project:150",
    ]);
    assert.equal(plain.extra["agent.gitlab.com/environment_tier"], undefined);
  });
});

describe("agentk's impersonation ClusterRole", () => {
  const projects = [{ projectId: 150, groupIds: [23, 25], environmentSlugs: ["prod"] }];

  it("lists every group a job of an authorised project and environment carries, for every tier", () => {
    const allowed = new Set(impersonableGroups(projects));
    for (const tier of ["production", "staging", "testing", "development", "other"] as const) {
      const identity = ciJobIdentity({ ...DOCUMENTED_JOB, environment: { slug: "prod", tier } });
      assert.deepEqual(
        identity.groups.filter((g) => !allowed.has(g)),
        [],
        tier,
      );
    }
  });

  it("lists no group of another project or environment, and no Kubernetes group", () => {
    const allowed = impersonableGroups(projects);
    assert.ok(!allowed.includes("gitlab:project:151"));
    assert.ok(!allowed.includes("gitlab:project_env:150:staging"));
    assert.ok(!allowed.includes("system:masters"));
    assert.ok(allowed.every(isCiJobGroup), allowed.join(", "));
  });

  it("grants impersonate only: any user, the listed groups, the agent server's extra keys; no ServiceAccount or UID", () => {
    const rules = agentImpersonationRules(projects);
    assert.deepEqual(
      rules.map((r) => r.verbs),
      [["impersonate"], ["impersonate"], ["impersonate"]],
    );
    assert.deepEqual(rules[0], { apiGroups: [""], resources: ["users"], verbs: ["impersonate"] });
    assert.deepEqual(rules[1].resourceNames, impersonableGroups(projects));
    assert.ok(rules[2].resources.every((r) => r.startsWith("userextras/agent.gitlab.com/")));
    const resources = rules.flatMap((r) => r.resources);
    assert.ok(!resources.includes("serviceaccounts") && !resources.includes("uids"));
  });

  it("isCiJobGroup accepts the agent server's group names and nothing else", () => {
    for (const name of [
      "gitlab:ci_job",
      "gitlab:project_env:1:review-x-1q251u",
      "gitlab:group_env_tier:2:other",
    ])
      assert.ok(isCiJobGroup(name), name);
    for (const name of ["system:masters", "gitlab:user", "gitlab:project_env_tier:1:prod", "gitlab:group:x"])
      assert.ok(!isCiJobGroup(name), name);
  });
});
