import * as assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { stringify } from "yaml";
import { main, parseArgs } from "../../../../tools/pipeline-check/cli";
import { writeStackVariant } from "../../../helpers/stack-file";

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

describe("pipeline:check: what it cannot check offline, and deploy access", function () {
  this.timeout(30000);
  let app: string;
  const files: string[] = [];
  const pipelineFile = (name: string, doc: unknown) => {
    const file = join(app, name);
    writeFileSync(file, typeof doc === "string" ? doc : stringify(doc));
    return file;
  };

  /** A pipeline of one deploy job on the deploy fleet, to `environment`, running `script`. */
  const deployPipeline = (name: string, environment: unknown, script: string[]) =>
    pipelineFile(name, {
      deploy: {
        tags: ["deploy"],
        image: "harbor.dev.example.internal/tools/kubectl:1.34.4",
        // The deploy fleet is protected: the job runs on the (protected) default branch only.
        rules: [{ if: "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH" }],
        environment,
        script,
      },
    });

  before(() => {
    app = mkdtempSync(join(tmpdir(), "app-"));
  });
  after(() => {
    rmSync(app, { recursive: true, force: true });
    files.forEach((f) => rmSync(f, { force: true }));
  });

  it("refuses components when the stack publishes none, and remote or project includes, without going online", () => {
    files.push(
      writeStackVariant("dev-no-components", (config) => {
        delete config["gitlab-ci-platform:pipelineComponents"];
      }),
    );
    const pipeline = pipelineFile("components.yml", {
      include: [
        { component: "$CI_SERVER_FQDN/platform/ci-components/maven-build@1.0.0" },
        { project: "platform/templates", file: "build.yml" },
        "https://example.com/ci.yml",
      ],
      job: { tags: ["k8s"], script: ["true"] },
    });
    const result = run(["--stack", "dev-no-components", "--pipeline", pipeline, app]);
    assert.equal(result.code, 2, result.out);
    assert.match(
      result.err,
      /maven-build@1\.0\.0: the stack publishes no CI\/CD components \(pipelineComponents is not set\)/,
    );
    assert.match(result.err, /include: project: platform\/templates is fetched from a GitLab/);
    assert.match(result.err, /https:\/\/example\.com\/ci\.yml: a remote include is fetched from the network/);
    assert.doesNotMatch(result.err, /git|fatal|\n\s+at /);
  });

  it("names the file, line and column of malformed YAML, without a stack trace", () => {
    const pipeline = pipelineFile("broken.yml", "job:\n  script: [echo\n  tags: [k8s]\n");
    const result = run(["--stack", "dev", "--pipeline", pipeline, app]);
    assert.equal(result.code, 2);
    assert.match(result.err, /broken\.yml:3:3: not valid YAML: /);
    assert.doesNotMatch(result.err, /\n\s+at /);
  });

  it("a deploy job whose environment the stack gives no KUBECONFIG for is a problem; one it covers is not", () => {
    const deploy = (environment: unknown) =>
      deployPipeline("deploy.yml", environment, ["kubectl apply -k k8s"]);
    const missing = run(["--stack", "dev", "--pipeline", deploy("qa"), app]);
    assert.equal(missing.code, 1, missing.err);
    assert.match(
      missing.err,
      /jobs\["deploy"\]\.environment: "qa" has no deploy access in stack dev \(KUBECONFIG scopes: platform\/shop dev, platform\/shop review\/\*; agent environments: platform\/inventory dev, platform\/inventory staging\)/,
    );
    const review = { name: "review/$CI_COMMIT_REF_SLUG", action: "start" };
    assert.equal(run(["--stack", "dev", "--pipeline", deploy(review), app]).code, 0);
    const otherProject = run([
      "--stack",
      "dev",
      "--project",
      "platform/cart",
      "--pipeline",
      deploy("dev"),
      app,
    ]);
    assert.equal(otherProject.code, 1);
    assert.match(otherProject.err, /"dev" has no deploy access in stack dev for platform\/cart/);
  });

  it("a deploy job to an environment the agent serves must select the agent's kubecontext, and only there", () => {
    const deploy = (environment: string, script: string[]) =>
      deployPipeline(`deploy-${environment}-${script.length}.yml`, environment, script);
    const inventory = (pipeline: string) =>
      run(["--stack", "dev", "--project", "platform/inventory", "--pipeline", pipeline, app]);
    const none = inventory(deploy("staging", ["kubectl apply -n inventory-staging -k k8s"]));
    assert.equal(none.code, 1);
    assert.match(
      none.err,
      /jobs\["deploy"\]\.kubeContext: "staging" is served by the GitLab agent, but the job selects no kubecontext — give the kubectl-deploy component agent_context: platform\/k8s-agents:dev-cluster/,
    );
    const selected = ["kubectl config use-context platform/k8s-agents:dev-cluster", "kubectl apply -k k8s"];
    assert.equal(inventory(deploy("staging", selected)).code, 0);
    const onShop = run([
      "--stack",
      "dev",
      "--project",
      "platform/shop",
      "--pipeline",
      deploy("dev", selected),
      app,
    ]);
    assert.equal(onShop.code, 1);
    assert.match(
      onShop.err,
      /selects the kubecontext platform\/k8s-agents:dev-cluster, but "dev" gets a KUBECONFIG variable/,
    );
  });
});
