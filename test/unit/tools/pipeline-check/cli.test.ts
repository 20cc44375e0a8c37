import * as assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { stringify } from "yaml";
import { main, parseArgs } from "../../../../tools/pipeline-check/cli";

const ROOT = resolve(__dirname, "../../../..");

/** Runs the CLI in-process, capturing what it prints. */
function run(args: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const log = console.log;
  const error = console.error;
  console.log = (...a: unknown[]) => out.push(a.join(" "));
  console.error = (...a: unknown[]) => err.push(a.join(" "));
  try {
    return { code: main(args), out: out.join("\n"), err: err.join("\n") };
  } finally {
    console.log = log;
    console.error = error;
  }
}

describe("pipeline:check: an application's pipeline against a stack's fleets", function () {
  this.timeout(30000);
  let app: string;

  before(() => {
    app = mkdtempSync(join(tmpdir(), "app-"));
    const pipeline = {
      stages: ["build", "deploy"],
      include: [
        { component: "$CI_SERVER_FQDN/platform/ci-components/maven-build@1.0.0", inputs: { tags: ["gpu"] } },
      ],
      "unit-tests": { stage: "build", tags: ["k8s", "prod"], image: "maven:latest", script: ["mvn test"] },
      "image-dind": {
        stage: "build",
        tags: ["k8s", "prod"],
        image: "harbor.example.com/tools/docker:27.5.1-cli",
        services: ["harbor.example.com/mirror/docker:27.5.1-dind"],
        script: ["docker build ."],
      },
    };
    writeFileSync(join(app, ".gitlab-ci.yml"), stringify(pipeline));
  });

  after(() => rmSync(app, { recursive: true, force: true }));

  it("exits 0 for the prod example on the prod stack", () => {
    const result = run([
      "--stack",
      "prod",
      "--pipeline",
      join(ROOT, "examples/prod/.gitlab-ci.yml"),
      join(ROOT, "examples/shop"),
    ]);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /stack prod: 3 job\(s\), 0 problem\(s\)/);
  });

  it("exits 1 naming each job's problem: tags no fleet has, a moving image, docker-in-docker unprivileged", () => {
    const result = run(["--stack", "prod", app]);
    assert.equal(result.code, 1);
    assert.match(
      result.err,
      /jobs\["maven-build"\]\.tags: no fleet has every tag of \[gpu\] — use the tags of one of the stack's fleets: k8s \[k8s, prod\]/,
    );
    assert.match(
      result.err,
      /jobs\["unit-tests"\]\.image: maven:latest has tag "latest", which moves — pin a version tag or a digest/,
    );
    assert.match(
      result.err,
      /jobs\["unit-tests"\]\.image: maven:latest is not among the images allowed on fleet k8s/,
    );
    assert.match(
      result.err,
      /jobs\["image-dind"\]\.services: .*docker:27\.5\.1-dind needs privileged containers, which fleet k8s does not give/,
    );
  });

  it("exits 2 on bad usage, an unknown stack or a missing pipeline", () => {
    assert.equal(run([app]).code, 2);
    assert.match(run(["--stack", "nope", app]).err, /Pulumi\.nope\.yaml does not exist/);
    assert.match(
      run(["--stack", "prod", ROOT, "--pipeline", join(app, "missing.yml")]).err,
      /missing\.yml does not exist/,
    );
  });

  it("parses its arguments", () => {
    assert.deepEqual(parseArgs(["--stack", "dev", "app"]), {
      stack: "dev",
      pipeline: undefined,
      appDir: "app",
    });
    assert.throws(() => parseArgs(["--stack"]), /--stack needs a value/);
    assert.throws(() => parseArgs(["--stack", "dev", "a", "b"]), /one application at a time/);
  });
});
