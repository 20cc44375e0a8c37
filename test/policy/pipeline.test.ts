import * as assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { ValidateFunction } from "ajv";
import { parse } from "yaml";
import { GITLAB_YAML_TAGS } from "../../tools/pipeline-check/check";
import { REFERENCE, requireGitlabCiValidator, schemaErrors } from "../helpers/gitlab-ci-schema";
import { type ListedJob, listJobs as listRepoJobs, ROOT, scratchRepo } from "../helpers/gitlab-ci-local";

const PIPELINE = join(ROOT, ".gitlab-ci.yml");
const readPipeline = () => parse(readFileSync(PIPELINE, "utf8"), { customTags: GITLAB_YAML_TAGS });

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
    assert.ok(validate(readPipeline()), schemaErrors(validate));
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
    assert.equal(whenOf(jobs, "preview-dev"), "never", "no preview without the preview token");
    assert.equal(whenOf(jobs, "deploy-dev"), "never");
  });

  it("a merge request previews dev with the preview-only token, and never runs anything of prod", () => {
    // Even were the deploying token visible to it, a merge request's pipeline never uses it.
    const credentials = { PULUMI_PREVIEW_ACCESS_TOKEN: "set", PULUMI_ACCESS_TOKEN: "set" };
    const jobs = listJobs("feature", { ...mergeRequest, ...credentials });
    assert.equal(whenOf(jobs, "preview-dev"), "on_success");
    for (const name of ["deploy-dev", "preview-prod", "deploy-prod"])
      assert.equal(whenOf(jobs, name), "never", name);
    const preview = readPipeline()["preview-dev"];
    assert.equal(preview.script[0], 'export PULUMI_ACCESS_TOKEN="$PULUMI_PREVIEW_ACCESS_TOKEN"');
  });

  it("the default branch updates dev, previews prod, and updates prod only by hand", () => {
    const jobs = listJobs("main", { PULUMI_ACCESS_TOKEN: "set" });
    assert.equal(whenOf(jobs, "deploy-dev"), "on_success");
    assert.equal(whenOf(jobs, "preview-prod"), "on_success");
    assert.equal(whenOf(jobs, "deploy-prod"), "manual");
    assert.equal(whenOf(jobs, "preview-dev"), "never");
  });

  it("with Pulumi Deployments on, the pipeline leaves previews and updates to Pulumi Cloud", () => {
    const jobs = listJobs("main", { PULUMI_ACCESS_TOKEN: "set", PULUMI_DEPLOYMENTS: "true" });
    assert.equal(whenOf(jobs, "deploy-dev"), "never");
    assert.equal(whenOf(jobs, "preview-prod"), "never");
    assert.equal(whenOf(jobs, "synth-policy: [prod]"), "on_success");
  });

  it("prod deploys to a production environment with its own resource group, after dev and its preview", () => {
    const pipeline = readPipeline();
    const job = pipeline["deploy-prod"];
    assert.equal(job.environment.deployment_tier, "production");
    assert.deepEqual(job.needs, ["deploy-dev", "preview-prod"]);
    assert.equal(job.resource_group, "pulumi-prod");
    assert.match(
      job.script.flat().join("\n"),
      /--policy-pack policy --policy-pack-config policy\/config\/prod\.json/,
    );
    // The preview receives prod's protected variables without counting as a deployment.
    assert.deepEqual(pipeline["preview-prod"].environment, { name: "prod", action: "prepare" });
  });

  it("prod's jobs hand the provider the GitLab ID token only when the OIDC provider is configured", () => {
    const oidc = readPipeline()[".alibaba-cloud-oidc"].script.join("\n");
    assert.match(oidc, /if \[ -n "\$\{ALIBABA_CLOUD_OIDC_PROVIDER_ARN:-\}" \]; then/);
    assert.match(oidc, /export ALIBABA_CLOUD_OIDC_TOKEN_FILE=\/tmp\/alibaba-cloud-oidc-token/);
    for (const job of ["preview-prod", "deploy-prod"])
      assert.deepEqual(readPipeline()[job].script[0], [".alibaba-cloud-oidc", "script"], job);
  });
});
