import * as assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { parse } from "yaml";

const ROOT = resolve(__dirname, "../..");
const PIPELINE = join(ROOT, ".gitlab-ci.yml");
const REFERENCE = resolve(ROOT, "../shared/reference");

function gitlabCiValidator() {
  const ajv = new Ajv({ strictTypes: false, strictTuples: false, allowMatchingProperties: true });
  ajv.addKeyword("markdownDescription");
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(REFERENCE, "gitlab-ci.schema.json"), "utf8")));
}

describe("pipeline: .gitlab-ci.yml against GitLab's CI schema (conformance)", function () {
  let validate: ReturnType<typeof gitlabCiValidator>;
  before(function () {
    if (!existsSync(join(REFERENCE, "gitlab-ci.schema.json"))) {
      console.log(
        `    skipped: ${REFERENCE} is absent (GitLab's CI schema lives there on CI and dev machines)`,
      );
      this.skip();
    }
    validate = gitlabCiValidator();
  });

  it("the validator setup accepts GitLab's positive fixtures and rejects its negative ones", () => {
    for (const kind of ["positive_tests", "negative_tests"]) {
      const dir = join(REFERENCE, "gitlab-ci-fixtures", kind);
      for (const file of readdirSync(dir)) {
        assert.equal(
          validate(parse(readFileSync(join(dir, file), "utf8"))),
          kind === "positive_tests",
          `${kind}/${file}`,
        );
      }
    }
  });

  it("the repository pipeline is valid", () => {
    assert.ok(validate(parse(readFileSync(PIPELINE, "utf8"))), JSON.stringify(validate.errors, null, 2));
  });
});

interface ListedJob {
  name: string;
  stage: string;
  when: string;
}

/** The jobs gitlab-ci-local lists for the pipeline (list mode only: nothing runs) in a scratch repository. */
function listJobs(branch: string, variables: Record<string, string>): Map<string, ListedJob> {
  const dir = mkdtempSync(join(tmpdir(), "pipeline-"));
  try {
    copyFileSync(PIPELINE, join(dir, ".gitlab-ci.yml"));
    const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "ignore" });
    git("init", "-q", "-b", "main");
    git(
      "-c",
      "user.email=ci@example.com",
      "-c",
      "user.name=ci",
      "commit",
      "-q",
      "--allow-empty",
      "-m",
      "init",
    );
    git("remote", "add", "origin", "https://gitlab.example.com/platform/gitlab-ci-platform.git");
    git("update-ref", "refs/remotes/origin/main", "HEAD");
    git("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main");
    if (branch !== "main") git("checkout", "-q", "-b", branch);
    const cli = require.resolve("gitlab-ci-local/package.json").replace(/package\.json$/, "dist/index.js");
    const flags = Object.entries(variables).flatMap(([key, value]) => ["--variable", `${key}=${value}`]);
    const run = spawnSync(process.execPath, [cli, "--list-json", ...flags], { cwd: dir, encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr + run.stdout);
    const jobs = JSON.parse(run.stdout.slice(run.stdout.search(/^\[/m))) as ListedJob[];
    return new Map(jobs.map((job) => [job.name, job]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function whenOf(jobs: Map<string, ListedJob>, name: string): string {
  const job = jobs.get(name);
  assert.ok(job, `${name} is listed (${[...jobs.keys()].join(", ")})`);
  return job.when;
}

describe("pipeline: .gitlab-ci.yml as gitlab-ci-local reads it", function () {
  this.timeout(30000);
  const mergeRequest = { CI_PIPELINE_SOURCE: "merge_request_event" };

  it("a merge request runs lint, typecheck, tests and synth + policy for each stack", () => {
    const jobs = listJobs("feature", mergeRequest);
    for (const name of ["lint", "typecheck", "test", "synth-policy: [dev]", "synth-policy: [prod]"]) {
      assert.equal(whenOf(jobs, name), "on_success", name);
    }
    assert.equal(whenOf(jobs, "preview: [dev]"), "never", "no preview without Pulumi credentials");
    assert.equal(whenOf(jobs, "deploy-dev"), "never");
  });

  it("a merge request with Pulumi credentials also previews each stack with the policy pack", () => {
    const jobs = listJobs("feature", { ...mergeRequest, PULUMI_ACCESS_TOKEN: "set" });
    assert.equal(whenOf(jobs, "preview: [dev]"), "on_success");
    assert.equal(whenOf(jobs, "preview: [prod]"), "on_success");
    assert.equal(whenOf(jobs, "deploy-prod"), "never");
  });

  it("the default branch updates dev, and prod only by hand", () => {
    const jobs = listJobs("main", { PULUMI_ACCESS_TOKEN: "set" });
    assert.equal(whenOf(jobs, "deploy-dev"), "on_success");
    assert.equal(whenOf(jobs, "deploy-prod"), "manual");
    assert.equal(whenOf(jobs, "preview: [prod]"), "never");
  });

  it("with Pulumi Deployments on, the pipeline leaves previews and updates to Pulumi Cloud", () => {
    const jobs = listJobs("main", { PULUMI_ACCESS_TOKEN: "set", PULUMI_DEPLOYMENTS: "true" });
    assert.equal(whenOf(jobs, "deploy-dev"), "never");
    assert.equal(whenOf(jobs, "synth-policy: [prod]"), "on_success");
  });

  it("prod deploys to a production environment with its own resource group, after dev", () => {
    const job = parse(readFileSync(PIPELINE, "utf8"))["deploy-prod"];
    assert.equal(job.environment.deployment_tier, "production");
    assert.deepEqual(job.needs, ["deploy-dev"]);
    assert.equal(job.resource_group, "pulumi-prod");
    assert.match(
      job.script.join("\n"),
      /--policy-pack policy --policy-pack-config policy\/config\/prod\.json/,
    );
  });
});
