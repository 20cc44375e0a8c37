import * as pulumi from "@pulumi/pulumi";
import { strict as assert } from "node:assert";
import { installGitlabMocks, registered, type GitlabMockEngine } from "./mock-engine";

// Type-only: erased at runtime, so the bindings still load after the mocks.
import type {
  AccessLevel,
  GroupVariableArgs,
  ProjectVariableArgs,
  RepositoryFileArgs,
  RepositoryFileEncoding,
  RunnerType,
  UserRunnerArgs,
  VariableType,
} from "../../../../components/gitlab/bindings";

type GitlabBindings = typeof import("../../../../components/gitlab/bindings");

describe("gitlab bindings: client-side checks", () => {
  let engine: GitlabMockEngine;
  let gitlab: GitlabBindings;
  let rejectedCount = 0;

  before(async () => {
    engine = await installGitlabMocks();
    gitlab = await import("../../../../components/gitlab/bindings");
  });

  /** Asserts that declaring the resource throws with a message matching `pattern` and registers nothing. */
  function assertRejected(declare: (name: string) => unknown, pattern: RegExp): void {
    rejectedCount += 1;
    const name = `rejected-${rejectedCount}`;
    assert.throws(() => declare(name), pattern);
    assert.equal(
      engine.registrations.some((r) => r.name === name),
      false,
    );
  }

  describe("UserRunner", () => {
    it("rejects group_type without groupId", () => {
      assertRejected(
        (name) => new gitlab.UserRunner(name, { runnerType: "group_type" }),
        /gitlab\.UserRunner "rejected-.*": groupId is required when runnerType is "group_type"/,
      );
    });

    it("rejects project_type without projectId, and with groupId", () => {
      assertRejected(
        (name) => new gitlab.UserRunner(name, { runnerType: "project_type" }),
        /projectId is required when runnerType is "project_type"/,
      );
      assertRejected(
        (name) => new gitlab.UserRunner(name, { runnerType: "project_type", projectId: 1, groupId: 2 }),
        /groupId must not be set when runnerType is "project_type"/,
      );
    });

    it("rejects instance_type with groupId or projectId", () => {
      assertRejected(
        (name) => new gitlab.UserRunner(name, { runnerType: "instance_type", groupId: 42 }),
        /groupId must not be set when runnerType is "instance_type"/,
      );
      assertRejected(
        (name) => new gitlab.UserRunner(name, { runnerType: "instance_type", projectId: 42 }),
        /projectId must not be set when runnerType is "instance_type"/,
      );
    });

    it("rejects maximumTimeout 599 and accepts 600", async () => {
      assertRejected(
        (name) => new gitlab.UserRunner(name, { runnerType: "instance_type", maximumTimeout: 599 }),
        /maximumTimeout must be a whole number of seconds >= 600, got 599/,
      );
      await registered(
        new gitlab.UserRunner("timeout-600", { runnerType: "instance_type", maximumTimeout: 600 }),
      );
    });

    it("rejects a maintenanceNote over 1024 characters and accepts exactly 1024", async () => {
      assertRejected(
        (name) =>
          new gitlab.UserRunner(name, { runnerType: "instance_type", maintenanceNote: "n".repeat(1025) }),
        /maintenanceNote must be at most 1024 characters/,
      );
      await registered(
        new gitlab.UserRunner("note-1024", {
          runnerType: "instance_type",
          maintenanceNote: "n".repeat(1024),
        }),
      );
    });

    it("rejects unknown runnerType and accessLevel values, accepting other letter case as GitLab does", async () => {
      const untyped = (value: string) => value as RunnerType;
      assertRejected(
        (name) => new gitlab.UserRunner(name, { runnerType: untyped("shared") }),
        /runnerType must be one of instance_type, group_type, project_type, got "shared"/,
      );
      assertRejected(
        (name) =>
          new gitlab.UserRunner(name, {
            runnerType: "instance_type",
            accessLevel: "protected" as AccessLevel,
          }),
        /accessLevel must be one of not_protected, ref_protected/,
      );
      await registered(
        new gitlab.UserRunner("upper-case-type", { runnerType: untyped("GROUP_TYPE"), groupId: 3 }),
      );
    });

    it("leaves values that are Outputs to the provider", async () => {
      const unknownGroup = pulumi.output(
        Promise.resolve<number | undefined>(undefined),
      ) as pulumi.Output<number>;
      await registered(
        new gitlab.UserRunner("output-group", { runnerType: "group_type", groupId: unknownGroup }),
      );
      await registered(
        new gitlab.UserRunner("output-type", {
          runnerType: pulumi.output("instance_type" as const),
          groupId: 5,
        }),
      );
    });

    it("requires runnerType", () => {
      assertRejected(
        (name) => new gitlab.UserRunner(name, {} as UserRunnerArgs),
        /^Error: Missing required property 'runnerType'$/,
      );
    });
  });

  describe("ProjectVariable and GroupVariable", () => {
    const declareProjectVariable = (key: string, extra: Partial<ProjectVariableArgs> = {}) => {
      return (name: string) =>
        new gitlab.ProjectVariable(name, { project: "ci/app", key, value: "v", ...extra });
    };
    const declareGroupVariable = (key: string, extra: Partial<GroupVariableArgs> = {}) => {
      return (name: string) => new gitlab.GroupVariable(name, { group: "ci", key, value: "v", ...extra });
    };

    it("rejects keys outside ^[a-zA-Z0-9_]+$", () => {
      for (const key of ["HAS-DASH", "has space", "dötted", "A.B"]) {
        assertRejected(declareProjectVariable(key), /may only contain letters, digits and underscores/);
        assertRejected(declareGroupVariable(key), /may only contain letters, digits and underscores/);
      }
    });

    it("rejects an empty key and one longer than 255 characters, accepting exactly 255", async () => {
      assertRejected(declareProjectVariable(""), /key must be 1 to 255 characters long, got 0/);
      assertRejected(declareGroupVariable("K".repeat(256)), /key must be 1 to 255 characters long, got 256/);
      await registered(declareProjectVariable("K".repeat(255))("key-255"));
    });

    it("rejects hidden without masked", async () => {
      assertRejected(
        declareProjectVariable("HIDDEN", { hidden: true }),
        /hidden: true requires masked: true/,
      );
      assertRejected(
        declareGroupVariable("HIDDEN", { hidden: true, masked: false }),
        /hidden: true requires masked: true/,
      );
      await registered(declareGroupVariable("HIDDEN", { hidden: true, masked: true })("hidden-masked"));
    });

    it("rejects a variableType in the wrong case (GitLab compares it case-sensitively)", () => {
      assertRejected(
        declareProjectVariable("TYPED", { variableType: "ENV_VAR" as VariableType }),
        /variableType must be one of env_var, file \(case-sensitive\), got "ENV_VAR"/,
      );
    });

    it("names each missing required property", () => {
      assertRejected(
        (name) => new gitlab.ProjectVariable(name, { project: "ci/app", key: "K" } as ProjectVariableArgs),
        /^Error: Missing required property 'value'$/,
      );
      assertRejected(
        (name) => new gitlab.GroupVariable(name, { key: "K", value: "v" } as GroupVariableArgs),
        /^Error: Missing required property 'group'$/,
      );
    });
  });

  describe("RepositoryFile", () => {
    const file: RepositoryFileArgs = {
      project: "ci/components",
      branch: "main",
      filePath: "templates/build.yml",
      content: "spec:\n  inputs: {}\n",
      encoding: "text",
    };
    const declareFile = (extra: Partial<RepositoryFileArgs>) => (name: string) =>
      new gitlab.RepositoryFile(name, { ...file, ...extra });

    it("rejects an encoding in the wrong case or unknown (the provider compares it case-sensitively)", async () => {
      assertRejected(
        declareFile({ encoding: "TEXT" as RepositoryFileEncoding }),
        /gitlab\.RepositoryFile "rejected-.*": encoding must be one of text, base64 \(case-sensitive\), got "TEXT"/,
      );
      assertRejected(declareFile({ encoding: "utf8" as RepositoryFileEncoding }), /got "utf8"/);
      await registered(declareFile({ encoding: "base64", content: "c3BlYzoK" })("file-base64"));
    });

    it('rejects a filePath with a leading "/" or "./"', () => {
      for (const filePath of ["/templates/build.yml", "./templates/build.yml"]) {
        assertRejected(declareFile({ filePath }), /filePath must be relative to the repository root/);
      }
    });

    it("rejects commitMessage beside a specific message, and the specific messages one at a time", async () => {
      assertRejected(
        declareFile({ commitMessage: "Publish", createCommitMessage: "Create" }),
        /commitMessage conflicts with createCommitMessage/,
      );
      assertRejected(
        declareFile({ createCommitMessage: "Create", updateCommitMessage: "Update" }),
        /createCommitMessage, updateCommitMessage, deleteCommitMessage must be set together, got only createCommitMessage, updateCommitMessage/,
      );
      await registered(
        declareFile({
          createCommitMessage: "Create",
          updateCommitMessage: "Update",
          deleteCommitMessage: "Delete",
        })("file-three-messages"),
      );
      await registered(declareFile({ commitMessage: "Publish" })("file-one-message"));
    });

    it("leaves values that are Outputs to the provider", async () => {
      await registered(
        declareFile({
          encoding: pulumi.output("text" as const),
          filePath: pulumi.output("/not/checked/here"),
          createCommitMessage: pulumi.output("Create"),
          commitMessage: "Publish",
        })("file-outputs-unchecked"),
      );
    });

    it("names each missing required property", () => {
      for (const missing of ["branch", "content", "encoding", "filePath", "project"] as const) {
        const args: Partial<RepositoryFileArgs> = { ...file };
        delete args[missing];
        assertRejected(
          (name) => new gitlab.RepositoryFile(name, args as RepositoryFileArgs),
          new RegExp(`^Error: Missing required property '${missing}'$`),
        );
      }
    });
  });

  describe("ClusterAgent and ClusterAgentToken", () => {
    it("rejects an agent name GitLab refuses (not a DNS label of at most 63 characters), accepting 63", async () => {
      for (const bad of ["Dev", "dev_cluster", "-dev", "dev-", "a".repeat(64)])
        assertRejected(
          (name) => new gitlab.ClusterAgent(name, { project: "platform/k8s-agents", name: bad }),
          /gitlab\.ClusterAgent "rejected-.*": name must be a DNS label of at most 63/,
        );
      await registered(new gitlab.ClusterAgent("agent-63", { project: "p/q", name: "a".repeat(63) }));
    });

    it("leaves a name that is an Output to the provider", async () => {
      await registered(
        new gitlab.ClusterAgent("agent-output", { project: "p/q", name: pulumi.output("Dev") }),
      );
    });

    it("names each missing required property", () => {
      assert.throws(
        () => new gitlab.ClusterAgent("no-project", {} as never),
        /Missing required property 'project'/,
      );
      assert.throws(
        () => new gitlab.ClusterAgentToken("no-agent", { project: "p/q" } as never),
        /Missing required property 'agentId'/,
      );
    });
  });

  describe("get() and rehydration skip declaration checks", () => {
    it("reads a variable by id without requiring its inputs", async () => {
      const variable = gitlab.ProjectVariable.get("existing-var", "ci/app:KEY:*");
      await registered(variable);
      assert.equal(engine.registration(gitlab.ProjectVariable.__pulumiType, "existing-var").kind, "read");
    });

    it("reads a repository file by id without requiring its inputs or checking its state", async () => {
      const existing = gitlab.RepositoryFile.get("existing-file", "ci/components:main:README.md", {
        encoding: "TEXT" as RepositoryFileEncoding,
      });
      await registered(existing);
      assert.equal(engine.registration(gitlab.RepositoryFile.__pulumiType, "existing-file").kind, "read");
    });
  });
});
