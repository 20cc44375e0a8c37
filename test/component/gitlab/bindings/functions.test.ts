import * as pulumi from "@pulumi/pulumi";
import { strict as assert } from "node:assert";
import { installGitlabMocks, valueOf, type GitlabMockEngine } from "./mock-engine";

type GitlabBindings = typeof import("../../../../components/gitlab/bindings");

const GET_GROUP = "gitlab:index/getGroup:getGroup";
const GET_PROJECT = "gitlab:index/getProject:getProject";

describe("gitlab bindings: functions", () => {
  let engine: GitlabMockEngine;
  let gitlab: GitlabBindings;

  before(async () => {
    engine = await installGitlabMocks();
    gitlab = await import("../../../../components/gitlab/bindings");
    engine.invokeResultByToken.set(GET_GROUP, {
      id: "42",
      groupId: 42,
      name: "CI",
      path: "ci",
      fullPath: "platform/ci",
      fullName: "Platform / CI",
      parentId: 7,
      description: "",
      visibilityLevel: "private",
      webUrl: "https://gitlab.example.com/groups/platform/ci",
      defaultBranch: "main",
      sharedRunnersSetting: "enabled",
      runnersToken: pulumi.secret("GR1348941-legacy"),
    });
    engine.invokeResultByToken.set(GET_PROJECT, {
      id: "1001",
      name: "app",
      pathWithNamespace: "platform/ci/app",
      webUrl: "https://gitlab.example.com/platform/ci/app",
      runnersToken: pulumi.secret("GR1348941-legacy"),
    });
  });

  it("getGroupOutput calls gitlab:index/getGroup:getGroup with fullPath and version 10.1.1", async () => {
    const group = gitlab.getGroupOutput({ fullPath: "platform/ci" });
    assert.equal(await valueOf(group.groupId), 42);
    const invoke = engine.invokes.filter((i) => i.token === GET_GROUP).pop();
    assert.ok(invoke, "getGroup was not invoked");
    assert.deepEqual(invoke.args, { fullPath: "platform/ci" });
    assert.equal(invoke.version, "10.1.1");
  });

  it("getGroupOutput passes groupId as a number", async () => {
    await valueOf(gitlab.getGroupOutput({ groupId: pulumi.output(42) }));
    const invoke = engine.invokes.filter((i) => i.token === GET_GROUP).pop();
    assert.deepEqual(invoke?.args, { groupId: 42 });
  });

  it("getGroupOutput returns the typed fields, without runnersToken, and not as a secret", async () => {
    const group = gitlab.getGroupOutput({ fullPath: "platform/ci" });
    const value = await valueOf(group);
    assert.equal(value.id, "42");
    assert.equal(value.fullPath, "platform/ci");
    assert.equal(value.name, "CI");
    assert.equal(value.webUrl, "https://gitlab.example.com/groups/platform/ci");
    assert.equal("runnersToken" in value, false);
    assert.equal(await pulumi.isSecret(group), false);
  });

  it("keeps the result secret when an argument is secret", async () => {
    const group = gitlab.getGroupOutput({ fullPath: pulumi.secret("platform/ci") });
    assert.equal(await pulumi.isSecret(group), true);
  });

  it("getProjectOutput calls gitlab:index/getProject:getProject with pathWithNamespace", async () => {
    const project = gitlab.getProjectOutput({ pathWithNamespace: "platform/ci/app" });
    const value = await valueOf(project);
    assert.equal(value.id, "1001");
    assert.equal("runnersToken" in value, false);
    const invoke = engine.invokes.filter((i) => i.token === GET_PROJECT).pop();
    assert.deepEqual(invoke?.args, { pathWithNamespace: "platform/ci/app" });
    assert.equal(invoke?.version, "10.1.1");
  });
});
