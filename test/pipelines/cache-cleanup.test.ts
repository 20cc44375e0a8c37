import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import {
  COMPONENT_PROJECT,
  includeComponentsFromRepo,
  runJobs,
  type ScratchRepo,
  scratchRepo,
} from "../helpers/gitlab-ci-local";

/**
 * The cache-cleanup component run by gitlab-ci-local's shell executor against a cache directory laid out as the
 * runner lays out a local cache (`<cache dir>/<project path>/<key>[-protected|-non_protected]/cache.zip`).
 */
describe("cache-cleanup component, run: removes this pipeline's caches and nothing else", function () {
  this.timeout(60000);
  let repo: ScratchRepo;
  let cacheDir: string;
  const project = "platform/shop";
  const cacheOf = (key: string) => join(cacheDir, project, key);

  before(function () {
    if (spawnSync("rsync", ["--version"]).status !== 0) {
      console.log("    skipped: no rsync on the PATH (gitlab-ci-local needs it to run a job)");
      this.skip();
    }
    cacheDir = mkdtempSync(join(tmpdir(), "runner-cache-"));
    for (const key of [
      "dist-4242-protected",
      "dist-4242-non_protected",
      "dist-4241-protected",
      "maven-build-0a1b",
    ]) {
      mkdirSync(cacheOf(key), { recursive: true });
      writeFileSync(join(cacheOf(key), "cache.zip"), "zip");
    }
    repo = scratchRepo({ "templates/cache-cleanup.yml": "templates/cache-cleanup.yml" }, { project });
    const pipeline = {
      include: [
        {
          component: `$CI_SERVER_FQDN/${COMPONENT_PROJECT}/cache-cleanup@1.0.0`,
          inputs: { keys: "dist-$CI_PIPELINE_ID", cache_dir: cacheDir },
        },
      ],
    };
    writeFileSync(join(repo.dir, ".gitlab-ci.yml"), stringify(pipeline));
    includeComponentsFromRepo(repo);
  });

  after(() => {
    repo?.remove();
    if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
  });

  it("removes the keys of the running pipeline, protected and not, and keeps other pipelines' and other keys", async () => {
    const run = await runJobs(repo, ["cache-cleanup"], { variables: { CI_PIPELINE_ID: "4242" } });
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /removed .*dist-4242-protected/);
    assert.ok(!existsSync(cacheOf("dist-4242-protected")));
    assert.ok(!existsSync(cacheOf("dist-4242-non_protected")));
    assert.ok(existsSync(cacheOf("dist-4241-protected")));
    assert.ok(existsSync(cacheOf("maven-build-0a1b")));
  });

  it("succeeds when there is nothing to remove (a pipeline that wrote no cache)", async () => {
    const run = await runJobs(repo, ["cache-cleanup"], { variables: { CI_PIPELINE_ID: "9999" } });
    assert.equal(run.code, 0, run.output);
    assert.doesNotMatch(run.output, /removed/);
  });
});
