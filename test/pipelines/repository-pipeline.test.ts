import * as assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { checkPipeline, GITLAB_YAML_TAGS } from "../../tools/pipeline-check/check";
import { ROOT } from "../helpers/synth";

/**
 * The repository's own pipeline runs on the platform's own fleets: whichever stack's GitLab hosts the project,
 * `npm run pipeline:check -- --stack <stack> --pipeline .gitlab-ci.yml --own-credentials .` must pass.
 */
describe("the repository's own pipeline (.gitlab-ci.yml) passes pipeline:check against its own stacks", function () {
  this.timeout(60000);
  let app: string;
  before(() => (app = mkdtempSync(join(tmpdir(), "repository-pipeline-"))));
  after(() => rmSync(app, { recursive: true, force: true }));

  const passes = (stack: string) => () => {
    const check = checkPipeline({
      root: ROOT,
      stack,
      appDir: app,
      pipeline: join(ROOT, ".gitlab-ci.yml"),
      ownCredentials: true,
      // test/policy/pipeline.test.ts validates it against GitLab's reference schema.
      schemaValidation: false,
    });
    assert.deepEqual(check.problems, []);
    assert.deepEqual(check.jobs, [
      "lint",
      "typecheck",
      "test",
      "synth-policy",
      "preview-dev",
      "deploy-dev",
      "preview-prod",
      "deploy-prod",
    ]);
  };
  // Titles written out: the documentation names them as the tests that run its commands.
  it(
    "dev: every job is served, its image admitted, jobs of feature branches and merge requests on an unprotected fleet",
    passes("dev"),
  );
  it(
    "prod: every job is served, its image admitted, jobs of feature branches and merge requests on an unprotected fleet",
    passes("prod"),
  );

  it("a merge-request job on the protected deploy fleet would wait forever: the check names it", () => {
    const pipeline = parseDocument(readFileSync(join(ROOT, ".gitlab-ci.yml"), "utf8"), {
      customTags: GITLAB_YAML_TAGS,
    });
    pipeline.setIn(["preview-dev", "tags"], ["deploy"]);
    const file = join(app, "protected-preview.gitlab-ci.yml");
    writeFileSync(file, pipeline.toString());
    const check = checkPipeline({
      root: ROOT,
      stack: "dev",
      appDir: app,
      pipeline: file,
      ownCredentials: true,
    });
    assert.deepEqual(
      check.problems.map((p) => p.path),
      ['jobs["preview-dev"].tags'],
    );
    assert.match(
      check.problems[0].reason,
      /runs for feature branches or merge requests, but only protected fleets serve it/,
    );
  });
});
