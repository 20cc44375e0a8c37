import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { GitLabDouble } from "../engine/gitlab-double/provider";
import { loadSchema } from "../engine/gitlab-double/schema";
import { Store } from "../engine/gitlab-double/store";
import { isSecret } from "../engine/gitlab-double/wire";
import { requireReference } from "../helpers/reference";

const RUNNER = "urn:pulumi:dev::gitlab-ci-platform::gitlab:index/userRunner:UserRunner::k8s-runner";
const VARIABLE = "urn:pulumi:dev::gitlab-ci-platform::gitlab:index/projectVariable:ProjectVariable::token";
const AGENT = "urn:pulumi:dev::gitlab-ci-platform::gitlab:index/clusterAgent:ClusterAgent::agent-agent";
const AGENT_TOKEN =
  "urn:pulumi:dev::gitlab-ci-platform::gitlab:index/clusterAgentToken:ClusterAgentToken::agent-token";

/** The engine tests' GitLab provider double, checked against the provider's schema it stands in for. */
describe("the GitLab provider test double (test/engine/gitlab-double) against pulumi-gitlab's schema", () => {
  let double: GitLabDouble;
  let dir: string;
  beforeEach(function () {
    const file = requireReference(this, "pulumi-gitlab.json");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "gitlab-double-"));
    double = new GitLabDouble(loadSchema(file), new Store(path.join(dir, "state.json")));
  });
  afterEach(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it("refuses an unknown property, a missing required one, a wrong type and a value outside the enum", async () => {
    const { failures } = await double.check(
      RUNNER,
      {},
      { runnerTyp: "group_type", maximumTimeout: "600", accessLevel: "all" },
    );
    const reasons = (failures ?? []).map((f) => `${f.property}: ${f.reason}`);
    assert.ok(
      reasons.some((r) => r.startsWith("runnerTyp: unknown property")),
      reasons.join("\n"),
    );
    assert.ok(
      reasons.some((r) => r.startsWith("runnerType: missing required")),
      reasons.join("\n"),
    );
    assert.ok(
      reasons.some((r) => r.startsWith("maximumTimeout: 'maximumTimeout' must be an integer")),
      reasons.join("\n"),
    );
    assert.ok(
      reasons.some((r) => r.startsWith("accessLevel: 'accessLevel' must be one of")),
      reasons.join("\n"),
    );
  });

  it("answers a runner with every output the schema lists, a numeric ID and the token as a secret", async () => {
    const created = await double.create(RUNNER, { runnerType: "group_type", groupId: 42, tagLists: ["k8s"] });
    assert.match(created.id, /^\d+$/);
    const outs = created.outs as Record<string, unknown>;
    const schema = loadSchema(requireReference(this as unknown as Mocha.Context, "pulumi-gitlab.json"));
    const listed = schema.resources["gitlab:index/userRunner:UserRunner"].outputs;
    const required = Object.keys(listed).filter((k) => !listed[k].optional);
    assert.deepEqual(
      required.filter((k) => !(k in outs)),
      [],
    );
    assert.ok(isSecret(outs.token) && /^glrt-/.test(String(outs.token.value)));
  });

  it("keeps what it created: read finds it, a second variable with the same key and scope is refused, delete removes it", async () => {
    const inputs = { project: "platform/shop", key: "TOKEN", value: "x", environmentScope: "*" };
    const { id } = await double.create(VARIABLE, inputs);
    assert.equal(id, "platform/shop:TOKEN:*");
    assert.equal((await double.read(id, VARIABLE)).id, id);
    await assert.rejects(double.create(VARIABLE, inputs), /already been taken/);
    await double.delete(id, VARIABLE);
    assert.equal((await double.read(id, VARIABLE)).id, "");
  });

  it("plans a replacement for a property the schema replaces on change, an update for the others", async () => {
    const olds = { project: "platform/shop", key: "TOKEN", value: "x", environmentScope: "*" };
    assert.deepEqual((await double.diff("id", VARIABLE, olds, { ...olds, value: "y" })).replaces, []);
    assert.deepEqual((await double.diff("id", VARIABLE, olds, { ...olds, key: "OTHER" })).replaces, ["key"]);
  });

  it("answers an agent and its token as GitLab does: ids <project>:<agent id>[:<token id>], the token a glagent- secret, kept on update", async () => {
    const schema = loadSchema(requireReference(this as unknown as Mocha.Context, "pulumi-gitlab.json"));
    const agent = await double.create(AGENT, { project: "platform/k8s-agents", name: "dev-cluster" });
    const agentId = (agent.outs as { agentId: number }).agentId;
    assert.equal(agent.id, `platform/k8s-agents:${agentId}`);
    assert.ok(Number.isInteger(agentId));
    const inputs = { project: "platform/k8s-agents", agentId, name: "dev-cluster-agentk" };
    const created = await double.create(AGENT_TOKEN, inputs);
    const outs = created.outs as Record<string, unknown>;
    assert.match(created.id, new RegExp(`^platform/k8s-agents:${agentId}:\\d+$`));
    assert.ok(isSecret(outs.token) && /^glagent-/.test(String(outs.token.value)));
    assert.equal(outs.status, "active");
    const listed = schema.resources["gitlab:index/clusterAgentToken:ClusterAgentToken"].outputs;
    assert.deepEqual(
      Object.keys(listed).filter((k) => !listed[k].optional && !(k in outs)),
      [],
    );
    assert.deepEqual(
      (await double.diff(created.id, AGENT_TOKEN, inputs, { ...inputs, name: "rotated" })).replaces,
      ["name"],
    );
  });
});
