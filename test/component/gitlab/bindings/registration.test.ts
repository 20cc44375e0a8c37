import * as pulumi from "@pulumi/pulumi";
import { strict as assert } from "node:assert";
import {
  installGitlabMocks,
  isWireSecret,
  registered,
  valueOf,
  wireSecretValue,
  type GitlabMockEngine,
} from "./mock-engine";

type GitlabBindings = typeof import("../../../../components/gitlab/bindings");

describe("gitlab bindings: resource registration", () => {
  let engine: GitlabMockEngine;
  let gitlab: GitlabBindings;

  before(async () => {
    engine = await installGitlabMocks();
    // Loaded only after the mocks are in place.
    gitlab = await import("../../../../components/gitlab/bindings");
  });

  /** Declares one of each resource with valid inputs and waits until all of them reached the engine. */
  async function declareOneOfEach(prefix: string): Promise<pulumi.Resource[]> {
    const resources = [
      new gitlab.Provider(`${prefix}-provider`, { baseUrl: "https://gitlab.example.com/api/v4/" }),
      new gitlab.UserRunner(`${prefix}-runner`, { runnerType: "group_type", groupId: 42 }),
      new gitlab.ProjectVariable(`${prefix}-project-var`, {
        project: "ci/app",
        key: "A_KEY",
        value: "a-value",
      }),
      new gitlab.GroupVariable(`${prefix}-group-var`, { group: "ci", key: "G_KEY", value: "g-value" }),
      new gitlab.InstanceVariable(`${prefix}-instance-var`, { key: "I_KEY", value: "i-value" }),
      new gitlab.ProjectRunnerEnablement(`${prefix}-enablement`, { project: "ci/app", runnerId: 7 }),
      new gitlab.RepositoryFile(`${prefix}-file`, {
        project: "ci/components",
        branch: "main",
        filePath: "templates/build.yml",
        content: "spec:\n  inputs: {}\n",
        encoding: "text",
      }),
      new gitlab.ClusterAgent(`${prefix}-agent`, { project: "platform/k8s-agents", name: "dev-cluster" }),
      new gitlab.ClusterAgentToken(`${prefix}-agent-token`, {
        project: "platform/k8s-agents",
        agentId: 5,
        name: "dev-cluster-agentk",
      }),
    ];
    await Promise.all(resources.map(registered));
    return resources;
  }

  it("every resource registers its exact provider type token", async () => {
    await declareOneOfEach("token");
    const expected: [string, string][] = [
      ["token-provider", "pulumi:providers:gitlab"],
      ["token-runner", "gitlab:index/userRunner:UserRunner"],
      ["token-project-var", "gitlab:index/projectVariable:ProjectVariable"],
      ["token-group-var", "gitlab:index/groupVariable:GroupVariable"],
      ["token-instance-var", "gitlab:index/instanceVariable:InstanceVariable"],
      ["token-enablement", "gitlab:index/projectRunnerEnablement:ProjectRunnerEnablement"],
      ["token-file", "gitlab:index/repositoryFile:RepositoryFile"],
      ["token-agent", "gitlab:index/clusterAgent:ClusterAgent"],
      ["token-agent-token", "gitlab:index/clusterAgentToken:ClusterAgentToken"],
    ];
    for (const [name, type] of expected) {
      assert.equal(engine.registration(type, name).type, type);
    }
    assert.equal(gitlab.UserRunner.__pulumiType, "gitlab:index/userRunner:UserRunner");
    assert.equal(gitlab.Provider.__pulumiType, "gitlab");
  });

  it("resource options pin the provider plugin version 10.1.1", async () => {
    await declareOneOfEach("version");
    const ours = engine.registrations.filter((r) => r.name.startsWith("version-"));
    assert.equal(ours.length, 9);
    for (const registration of ours) {
      assert.equal(registration.version, "10.1.1", `${registration.type} ${registration.name}`);
    }
    assert.equal(gitlab.GITLAB_PROVIDER_VERSION, "10.1.1");
  });

  it("a version set by the caller wins over the pinned one", async () => {
    const runner = new gitlab.UserRunner(
      "caller-version",
      { runnerType: "instance_type" },
      { version: "10.2.0" },
    );
    await registered(runner);
    assert.equal(engine.registration(gitlab.UserRunner.__pulumiType, "caller-version").version, "10.2.0");
  });

  it("UserRunner.token is listed in additionalSecretOutputs", async () => {
    const runner = new gitlab.UserRunner("secret-token", { runnerType: "instance_type" });
    await registered(runner);
    const registration = engine.registration(gitlab.UserRunner.__pulumiType, "secret-token");
    assert.deepEqual(registration.additionalSecretOutputs, ["token"]);
  });

  it("ClusterAgentToken.token is listed in additionalSecretOutputs and resolves after create; ClusterAgent has no secret", async () => {
    engine.extraStateByType.set(gitlab.ClusterAgentToken.__pulumiType, {
      token: "glagent-from-engine",
      tokenId: 8,
    });
    const token = new gitlab.ClusterAgentToken("agent-secret-token", {
      project: "platform/k8s-agents",
      agentId: 5,
    });
    assert.equal(await valueOf(token.token), "glagent-from-engine");
    assert.equal(await valueOf(token.tokenId), 8);
    const registration = engine.registration(gitlab.ClusterAgentToken.__pulumiType, "agent-secret-token");
    assert.deepEqual(registration.additionalSecretOutputs, ["token"]);
    engine.extraStateByType.delete(gitlab.ClusterAgentToken.__pulumiType);
    const agent = new gitlab.ClusterAgent("agent-no-secret", { project: "platform/k8s-agents", name: "dev" });
    await registered(agent);
    assert.deepEqual(
      engine.registration(gitlab.ClusterAgent.__pulumiType, "agent-no-secret").additionalSecretOutputs,
      [],
    );
  });

  it("ClusterAgent.get() reads an agent by its id <project>:<agentId>", async () => {
    const agent = gitlab.ClusterAgent.get("existing-agent", "platform/k8s-agents:5");
    assert.equal(await valueOf(agent.id), "platform/k8s-agents:5");
    const registration = engine.registration(gitlab.ClusterAgent.__pulumiType, "existing-agent");
    assert.equal(registration.kind, "read");
    assert.equal(registration.version, "10.1.1");
  });

  it("variable values are registered as given, as the generated SDK does: a secret stays secret, plain stays plain", async () => {
    const variables = [
      new gitlab.ProjectVariable("secret-project-var", {
        project: "ci/app",
        key: "P_KEY",
        value: pulumi.secret("p-value"),
      }),
      new gitlab.GroupVariable("secret-group-var", {
        group: "ci",
        key: "G_KEY",
        value: pulumi.secret("g-value"),
      }),
      new gitlab.InstanceVariable("secret-instance-var", { key: "I_KEY", value: pulumi.secret("i-value") }),
      new gitlab.ProjectVariable("plain-project-var", {
        project: "ci/app",
        key: "LOG_LEVEL",
        value: "debug",
      }),
    ];
    await Promise.all(variables.map(registered));
    for (const [type, name, value] of [
      [gitlab.ProjectVariable.__pulumiType, "secret-project-var", "p-value"],
      [gitlab.GroupVariable.__pulumiType, "secret-group-var", "g-value"],
      [gitlab.InstanceVariable.__pulumiType, "secret-instance-var", "i-value"],
    ]) {
      const registration = engine.registration(type, name);
      assert.ok(isWireSecret(registration.wireInputs["value"]), `${name}: value input is not secret`);
      assert.equal(wireSecretValue(registration.wireInputs["value"]), value);
      assert.deepEqual(registration.additionalSecretOutputs, []);
    }
    const plain = engine.registration(gitlab.ProjectVariable.__pulumiType, "plain-project-var");
    assert.equal(plain.wireInputs["value"], "debug");
    assert.deepEqual(plain.additionalSecretOutputs, []);
  });

  it("RepositoryFile lists no secret outputs, and its output-only properties resolve after create", async () => {
    engine.extraStateByType.set(gitlab.RepositoryFile.__pulumiType, { commitId: "c0ffee", size: 21 });
    const file = new gitlab.RepositoryFile("file-outputs", {
      project: "ci/components",
      branch: "main",
      filePath: "README.md",
      content: "# CI/CD components\n",
      encoding: "text",
      overwriteOnCreate: true,
    });
    assert.equal(await valueOf(file.commitId), "c0ffee");
    assert.equal(await valueOf(file.size), 21);
    assert.equal(await valueOf(file.overwriteOnCreate), true);
    const registration = engine.registration(gitlab.RepositoryFile.__pulumiType, "file-outputs");
    assert.deepEqual(registration.additionalSecretOutputs, []);
    assert.equal(await pulumi.isSecret(file.content), false);
    engine.extraStateByType.delete(gitlab.RepositoryFile.__pulumiType);
  });

  it("RepositoryFile.get() reads a file by its id <project>:<branch>:<filePath>", async () => {
    const file = gitlab.RepositoryFile.get("existing-file", "ci/components:main:README.md");
    assert.equal(await valueOf(file.id), "ci/components:main:README.md");
    const registration = engine.registration(gitlab.RepositoryFile.__pulumiType, "existing-file");
    assert.equal(registration.kind, "read");
    assert.equal(registration.version, "10.1.1");
  });

  it("every output name is present in the registered inputs (as undefined when not set)", async () => {
    engine.extraStateByType.set(gitlab.UserRunner.__pulumiType, { token: "glrt-from-engine" });
    const runner = new gitlab.UserRunner("outputs", {
      runnerType: "project_type",
      projectId: 9,
      tagLists: ["k8s"],
    });
    assert.equal(await valueOf(runner.token), "glrt-from-engine");
    assert.equal(await valueOf(runner.projectId), 9);
    assert.deepEqual(await valueOf(runner.tagLists), ["k8s"]);
    // The engine applies additionalSecretOutputs; the mock monitor does not, so secrecy of `token` is
    // covered by the additionalSecretOutputs test above.
  });

  it("get() reads an existing resource by id with the same token and version", async () => {
    const runner = gitlab.UserRunner.get("existing-runner", "1234");
    assert.equal(await valueOf(runner.id), "1234");
    const registration = engine.registration(gitlab.UserRunner.__pulumiType, "existing-runner");
    assert.equal(registration.kind, "read");
    assert.equal(registration.version, "10.1.1");
  });

  it("isInstance recognises each class by its type token", async () => {
    const [provider, runner, projectVariable, , , , file, agent, agentToken] =
      await declareOneOfEach("is-instance");
    assert.equal(gitlab.Provider.isInstance(provider), true);
    assert.equal(gitlab.UserRunner.isInstance(runner), true);
    assert.equal(gitlab.UserRunner.isInstance(projectVariable), false);
    assert.equal(gitlab.ProjectVariable.isInstance(projectVariable), true);
    assert.equal(gitlab.UserRunner.isInstance(undefined), false);
    assert.equal(gitlab.RepositoryFile.isInstance(file), true);
    assert.equal(gitlab.RepositoryFile.isInstance(projectVariable), false);
    assert.equal(gitlab.ClusterAgent.isInstance(agent), true);
    assert.equal(gitlab.ClusterAgentToken.isInstance(agentToken), true);
    assert.equal(gitlab.ClusterAgentToken.isInstance(agent), false);
  });
});
