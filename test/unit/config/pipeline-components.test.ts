import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as os from "node:os";
import { ConfigValidationError, loadStackConfig } from "../../../config";
import { branchNameProblem } from "../../../config/formats";
import { formatProblem } from "../../../model/problems";
import { fakeReader, validValues } from "../../helpers/config-reader";

type Values = Record<string, unknown>;
const P = "gitlab-ci-platform:";

const load = (extra: Values) =>
  loadStackConfig(fakeReader({ ...validValues(), ...extra }, ["gitlabToken"]), "dev");

function problemsOf(pipelineComponents: unknown): string[] {
  try {
    load({ pipelineComponents });
  } catch (err) {
    assert.ok(err instanceof ConfigValidationError, String(err));
    return err.problems.map(formatProblem);
  }
  assert.fail("expected the configuration to be rejected");
}

describe("config: pipelineComponents", () => {
  it("is off when absent or empty (Pulumi.yaml's neutral default)", () => {
    assert.equal(load({}).pipelineComponents, undefined);
    assert.equal(load({ pipelineComponents: {} }).pipelineComponents, undefined);
  });

  it("takes a project path and defaults the branch to main", () => {
    assert.deepEqual(load({ pipelineComponents: { project: "platform/ci-components" } }).pipelineComponents, {
      project: "platform/ci-components",
      branch: "main",
    });
  });

  it("keeps a branch and commit author when given", () => {
    const given = {
      project: "platform/ci/components",
      branch: "release/1.x",
      authorName: "CI platform",
      authorEmail: "ci-platform@example.com",
    };
    assert.deepEqual(load({ pipelineComponents: given }).pipelineComponents, given);
  });

  const INVALID: { name: string; value: unknown; path: string; says: string }[] = [
    {
      name: "a project without its namespace",
      value: { project: "ci-components" },
      path: "pipelineComponents.project",
      says: "path with its namespace, e.g. platform/shop",
    },
    {
      name: "a project given as an id",
      value: { project: 42 },
      path: "pipelineComponents.project",
      says: "expected a string",
    },
    {
      name: "a project given as a URL",
      value: { project: "https://gitlab.example.com/platform/ci-components" },
      path: "pipelineComponents.project",
      says: "no URL",
    },
    {
      name: "no project",
      value: { branch: "main" },
      path: "pipelineComponents.project",
      says: "is required",
    },
    {
      name: "a branch with a space",
      value: { project: "platform/ci", branch: "my branch" },
      path: "pipelineComponents.branch",
      says: "contains a space",
    },
    {
      name: "a branch with '..'",
      value: { project: "platform/ci", branch: "release..1" },
      path: "pipelineComponents.branch",
      says: "git check-ref-format --branch",
    },
    {
      name: "a branch ending in .lock",
      value: { project: "platform/ci", branch: "main.lock" },
      path: "pipelineComponents.branch",
      says: "'.lock'",
    },
    {
      name: "an author e-mail that is none",
      value: { project: "platform/ci", authorEmail: "platform team" },
      path: "pipelineComponents.authorEmail",
      says: "e-mail address",
    },
    {
      name: "a misspelled key",
      value: { project: "platform/ci", brnach: "main" },
      path: "pipelineComponents.brnach",
      says: "did you mean branch?",
    },
  ];
  for (const c of INVALID) {
    it(`refuses ${c.name}, naming ${c.path}`, () => {
      const problems = problemsOf(c.value);
      const hit = problems.find((p) => p.startsWith(`${P}${c.path}:`));
      assert.ok(hit, `no problem at ${P}${c.path}:\n${problems.join("\n")}`);
      assert.ok(hit.includes(c.says), hit);
      assert.match(hit, / — /, "the problem says how to fix it");
    });
  }
});

describe("config: branch names are checked by git's own rules", () => {
  const NAMES = [
    "main",
    "release/1.x",
    "feature/a-b_c",
    "v1.0.0",
    "a.b",
    "-main",
    "my branch",
    "tab\there",
    "a..b",
    "a@{1}",
    "HEAD",
    "/main",
    "main/",
    "a//b",
    "main.",
    ".hidden",
    "a/.b",
    "main.lock",
    "a/b.lock/c",
    "what?",
    "star*",
    "open[",
    "back\\slash",
    "tilde~1",
    "caret^",
    "co:lon",
    "ünïcode",
    "HEAD-like",
  ];

  it("accepts exactly the names `git check-ref-format --branch` accepts", function () {
    const probe = spawnSync("git", ["--version"], { encoding: "utf8" });
    if (probe.status !== 0) {
      console.log("    skipped: git is not installed");
      this.skip();
    }
    for (const name of NAMES) {
      // Outside any repository: inside one, git expands @ and @{-1} to the current branch.
      const git = spawnSync("git", ["check-ref-format", "--branch", name], {
        encoding: "utf8",
        cwd: os.tmpdir(),
      });
      assert.equal(
        branchNameProblem(name) === undefined,
        git.status === 0,
        `${JSON.stringify(name)}: git says ${git.status === 0 ? "valid" : "invalid"}, we say ${branchNameProblem(name) ?? "valid"}`,
      );
    }
  });
});
