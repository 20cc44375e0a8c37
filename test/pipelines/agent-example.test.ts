import * as assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ValidateFunction } from "ajv";
import { parse } from "yaml";
import {
  includeComponentsFromRepo,
  listJobs,
  previewPipeline,
  ROOT,
  type ScratchRepo,
  scratchRepo,
} from "../helpers/gitlab-ci-local";
import { requireGitlabCiValidator, schemaErrors } from "../helpers/gitlab-ci-schema";
import { loadStackFile } from "../helpers/stack-file";
import { agentContext } from "../../model/agent";
import { checkPipeline } from "../../tools/pipeline-check/check";

const PIPELINE = join(ROOT, "examples/dev-agent/.gitlab-ci.yml");

function withRepo<T>(branch: string, use: (repo: ScratchRepo) => T): T {
  const repo = scratchRepo(
    { "examples/shop": ".", "examples/dev-agent/.gitlab-ci.yml": ".gitlab-ci.yml", templates: "templates" },
    { branch },
  );
  includeComponentsFromRepo(repo);
  try {
    return use(repo);
  } finally {
    repo.remove();
  }
}

describe("example pipeline through the GitLab agent: examples/dev-agent/.gitlab-ci.yml (stack dev)", function () {
  this.timeout(60000);
  const stack = loadStackFile("dev");
  const agent = stack.gitlabSide.agent;

  it("deploys platform/inventory to an environment the stack serves through its agent", () => {
    assert.ok(agent, "dev has an agent");
    const target = stack.gitlabSide.deployTargets.find(
      (t) => t.project === "platform/inventory" && t.environmentScope === "dev",
    );
    assert.equal(target?.access, "agent");
    assert.equal(target?.namespace, "inventory-dev");
  });

  it("the default branch builds, pushes the image and deploys; another branch only builds", () => {
    const release = withRepo("main", (repo) => listJobs(repo));
    assert.deepEqual(
      [...release.values()].map((j) => [j.name, j.when]),
      [
        ["maven-build", "on_success"],
        ["build-image", "on_success"],
        ["deploy-dev", "on_success"],
      ],
    );
    const feature = withRepo("feature", (repo) => listJobs(repo));
    assert.equal(feature.get("deploy-dev")?.when, "never");
  });

  describe("expanded, as GitLab runs it", () => {
    let expanded: Record<string, unknown>;
    before(() => {
      expanded = withRepo("main", (repo) => previewPipeline(repo));
    });

    it("validates against GitLab's schema, as written and expanded (conformance)", function () {
      const validate: ValidateFunction = requireGitlabCiValidator(this);
      assert.ok(validate(parse(readFileSync(PIPELINE, "utf8"))), schemaErrors(validate));
      assert.ok(validate(expanded), schemaErrors(validate));
    });

    it("the deploy job selects the stack's agent kubecontext and names the environment's namespace", () => {
      const deploy = expanded["deploy-dev"] as {
        variables: Record<string, string>;
        environment: { name: string };
      };
      assert.equal(deploy.variables.DEPLOY_AGENT_CONTEXT, agentContext(agent!.configProject, agent!.name));
      assert.equal(deploy.variables.DEPLOY_NAMESPACE, "inventory-dev");
      assert.equal(deploy.environment.name, "dev");
    });
  });

  it("every job runs on a fleet of stack dev, and the deploy job has the agent's access (pipeline:check)", () => {
    const check = checkPipeline({
      root: ROOT,
      stack: "dev",
      appDir: join(ROOT, "examples/shop"),
      pipeline: PIPELINE,
      project: "platform/inventory",
    });
    assert.deepEqual(check.problems, []);
    assert.deepEqual(check.jobs, ["maven-build", "build-image", "deploy-dev"]);
  });

  it("without agent_context, pipeline:check names the kubecontext the job must select", () => {
    const dir = mkdtempSync(join(tmpdir(), "agent-example-"));
    const withoutContext = join(dir, ".gitlab-ci.yml");
    writeFileSync(withoutContext, readFileSync(PIPELINE, "utf8").replace(/^\s+agent_context: .*\n/m, ""));
    const check = (() => {
      try {
        return checkPipeline({
          root: ROOT,
          stack: "dev",
          appDir: join(ROOT, "examples/shop"),
          pipeline: withoutContext,
          project: "platform/inventory",
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    })();
    assert.deepEqual(
      check.problems.map((p) => p.path),
      ['jobs["deploy-dev"].kubeContext'],
    );
  });
});
