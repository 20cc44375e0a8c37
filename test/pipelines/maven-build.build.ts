import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import {
  includeComponentsFromRepo,
  runJobs,
  type ScratchRepo,
  scratchRepo,
} from "../helpers/gitlab-ci-local";

const available = (command: string, args: string[]) => spawnSync(command, args).status === 0;

/**
 * The dev example's maven-build job run by gitlab-ci-local's shell executor with this machine's Maven and JDK:
 * the example application builds into the jar the image build takes. (CI_PROJECT_DIR is the scratch repository,
 * as it is the checkout in GitLab; gitlab-ci-local's shell executor would name a folder under /builds.)
 */
describe("maven-build component, run: the example application builds", function () {
  this.timeout(180000);
  let repo: ScratchRepo;
  let variables: Record<string, string>;

  before(function () {
    const missing = ["rsync", "mvn", "java"].filter((c) => !available(c, ["--version"]));
    if (missing.length) {
      const why = `no ${missing.join(", ")} on the PATH (.ci/run fetches Maven from Maven Central)`;
      if (process.env.BUILD_TESTS_REQUIRED === "1") throw new Error(`BUILD_TESTS_REQUIRED=1 but ${why}`);
      console.log(`    skipped: ${why}`);
      this.skip();
    }
    repo = scratchRepo({
      "examples/shop": ".",
      "examples/dev/.gitlab-ci.yml": ".gitlab-ci.yml",
      templates: "templates",
    });
    includeComponentsFromRepo(repo);
    variables = { CI_PROJECT_DIR: repo.dir };
  });

  after(() => repo?.remove());

  it("runs the goals with the local repository in the project directory, and leaves the jar for the image build", async () => {
    const run = await runJobs(repo, ["maven-build"], { variables });
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /BUILD SUCCESS/);
    assert.ok(existsSync(join(repo.dir, "target/shop.jar")), "target/shop.jar, which the Dockerfile copies");
    assert.ok(existsSync(join(repo.dir, ".m2/repository")), "the cached path holds the local repository");
  });

  it("passes the settings.xml of the file variable to Maven", async () => {
    const settings = join(repo.dir, "settings.xml");
    writeFileSync(settings, "<settings><mirrors><mirror>");
    writeFileSync(
      join(repo.dir, ".gitlab-ci-local-variables.yml"),
      stringify({ MAVEN_SETTINGS_XML: settings }),
    );
    const run = await runJobs(repo, ["maven-build"], { variables });
    assert.notEqual(run.code, 0, run.output);
    // The runner (here gitlab-ci-local) writes the file variable to a file named after it; Maven read that one.
    assert.match(run.output, /Non-(readable|parseable) settings \S*MAVEN_SETTINGS_XML/);
  });

  it("stops with what to fix when the settings variable is not a file variable", async () => {
    writeFileSync(join(repo.dir, ".gitlab-ci-local-variables.yml"), "");
    const run = await runJobs(repo, ["maven-build"], {
      variables: { ...variables, MAVEN_SETTINGS_XML: "<settings/>" },
    });
    assert.notEqual(run.code, 0, run.output);
    assert.match(run.output, /\$MAVEN_SETTINGS_XML is not a file: make it a CI\/CD variable of type File/);
  });
});
