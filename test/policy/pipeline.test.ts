import * as assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { ValidateFunction } from "ajv";
import { parse } from "yaml";
import { REFERENCE, requireGitlabCiValidator, schemaErrors } from "../helpers/gitlab-ci-schema";
import { type ListedJob, listJobs as listRepoJobs, ROOT, scratchRepo } from "../helpers/gitlab-ci-local";

const PIPELINE = join(ROOT, ".gitlab-ci.yml");

describe("pipeline: .gitlab-ci.yml against GitLab's CI schema (conformance)", function () {
  let validate: ValidateFunction;
  before(function () {
    validate = requireGitlabCiValidator(this);
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
    assert.ok(validate(parse(readFileSync(PIPELINE, "utf8"))), schemaErrors(validate));
  });
});

/** The jobs gitlab-ci-local lists for the pipeline (list mode only: nothing runs) in a scratch repository. */
function listJobs(branch: string, variables: Record<string, string>): Map<string, ListedJob> {
  const repo = scratchRepo(
    { ".gitlab-ci.yml": ".gitlab-ci.yml" },
    { project: "platform/gitlab-ci-platform", branch },
  );
  try {
    return listRepoJobs(repo, variables);
  } finally {
    repo.remove();
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
