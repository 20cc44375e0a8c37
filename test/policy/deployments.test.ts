import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { matchesImagePattern } from "../../model/pipelines";
import { loadSchema, schemaFailures } from "../engine/deployments/pulumiservice-double/schema";

const ROOT = resolve(__dirname, "../..");
/** How the engine marks a secret value in recorded inputs. */
const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const PROGRAM = join(ROOT, "deployments");

interface Recorded {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

/** The bootstrap stack file's config, as `pulumi` hands it to the program (objects as JSON strings). */
function stackConfig(overrides: Record<string, unknown> = {}): Record<string, string> {
  const file = parse(readFileSync(join(PROGRAM, "Pulumi.bootstrap.yaml"), "utf8")).config as Record<
    string,
    unknown
  >;
  const entries = Object.entries({ ...file, ...overrides });
  return Object.fromEntries(
    entries.map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)]),
  );
}

function synthesize(config: Record<string, string>): {
  status: number | null;
  resources: Recorded[];
  stderr: string;
} {
  const run = spawnSync(
    process.execPath,
    [
      "-r",
      "ts-node/register/transpile-only",
      join(__dirname, "deployments-harness.ts"),
      JSON.stringify(config),
    ],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
    },
  );
  return {
    status: run.status,
    resources: run.status === 0 ? (JSON.parse(run.stdout) as Recorded[]) : [],
    stderr: run.stderr,
  };
}

describe("deployments: the Pulumi Deployments bootstrap, synthesized offline", function () {
  this.timeout(60000);
  let resources: Recorded[];

  before(function () {
    // Its own node_modules when installed (npm ci --prefix deployments), else the root's devDependency.
    assert.doesNotThrow(
      () => require.resolve("@pulumi/pulumiservice", { paths: [PROGRAM] }),
      "@pulumi/pulumiservice is not installed: run npm ci (or npm ci --prefix deployments)",
    );
    const run = synthesize(stackConfig());
    assert.equal(run.status, 0, run.stderr);
    resources = run.resources;
  });

  const settingsOf = (stack: string) => {
    const found = resources.find(
      (r) => r.type === "pulumiservice:index:DeploymentSettings" && r.inputs.stack === stack,
    );
    assert.ok(found, `DeploymentSettings for ${stack}`);
    return found.inputs as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- inputs are untyped JSON
  };

  it("creates deployment settings for each platform stack from the GitLab repository and branch", () => {
    for (const stack of ["dev", "prod"]) {
      const inputs = settingsOf(stack);
      assert.equal(inputs.organization, "acme");
      assert.equal(inputs.project, "gitlab-ci-platform");
      assert.equal(inputs.vcs.provider, "gitlab");
      assert.equal(inputs.vcs.repository, "platform/gitlab-ci-platform");
      assert.equal(inputs.sourceContext.git.branch, "refs/heads/main");
      assert.equal(inputs.vcs.previewPullRequests, true, "merge requests get previews");
      assert.equal(inputs.github, undefined, "the deprecated github block is not used");
    }
  });

  it("every resource it registers matches the schema of the pulumiservice version it pins", () => {
    const schema = loadSchema();
    assert.ok(resources.length > 0);
    for (const resource of resources)
      assert.deepEqual(schemaFailures(schema, resource.type, resource.inputs), [], resource.name);
  });

  it("dev deploys on push; prod waits for a hand-started update", () => {
    assert.equal(settingsOf("dev").vcs.deployCommits, true);
    assert.equal(settingsOf("prod").vcs.deployCommits, false);
  });

  it("path filters skip docs, tests and the other stacks' files", () => {
    const paths = settingsOf("dev").vcs.paths as string[];
    assert.ok(paths.includes("!Pulumi.prod.yaml") && !paths.includes("!Pulumi.dev.yaml"));
    assert.ok(
      paths.includes("!README.md") && paths.includes("!test/**") && paths.includes("!deployments/**"),
    );
  });

  it("a change to what the stack publishes triggers it, the published templates/README.md included", () => {
    const excluded = (settingsOf("dev").vcs.paths as string[])
      .filter((p) => p.startsWith("!"))
      .map((p) => p.slice(1));
    const triggers = (file: string) => !excluded.some((pattern) => matchesImagePattern(pattern, file));
    for (const file of ["templates/README.md", "templates/kaniko-build.yml", "index.ts", "Pulumi.dev.yaml"])
      assert.ok(triggers(file), file);
    for (const file of ["README.md", "components/gitlab/bindings/README.md", "test/stack/synth.test.ts"])
      assert.ok(!triggers(file), file);
  });

  it("installs with npm ci before each run, since the image's default install would run package scripts", () => {
    const context = settingsOf("prod").operationContext;
    assert.deepEqual(context.preRunCommands, ["npm ci --no-audit --no-fund"]);
    assert.equal(context.options.skipInstallDependencies, true);
  });

  it("a preventative policy group per environment enforces the published pack with that environment's levels", () => {
    const groups = resources.filter((r) => r.type === "pulumiservice:index:PolicyGroup");
    assert.deepEqual(groups.map((g) => g.inputs.name).sort(), [
      "gitlab-ci-platform-dev",
      "gitlab-ci-platform-prod",
    ]);
    for (const environment of ["dev", "prod"]) {
      const group = groups.find((g) => g.inputs.name === `gitlab-ci-platform-${environment}`)!
        .inputs as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- untyped JSON
      assert.equal(group.mode, "preventative");
      assert.deepEqual(group.stacks, [{ name: environment, routingProject: "gitlab-ci-platform" }]);
      const [pack] = group.policyPacks;
      assert.equal(pack.name, "gitlab-ci-platform");
      assert.equal(pack.versionTag, "0.1.0");
      const levels = JSON.parse(
        readFileSync(join(ROOT, "policy/config", `${environment}.json`), "utf8"),
      ) as Record<string, string>;
      for (const [policy, level] of Object.entries(levels))
        assert.equal(pack.config[policy].enforcementLevel, level, policy);
    }
  });

  it("a stack opted into review stacks becomes the merge-request template", () => {
    const stacks = [{ name: "dev", environment: "dev", deployOnPush: true, reviewStacks: true }];
    const run = synthesize(stackConfig({ "gitlab-ci-platform-deployments:stacks": stacks }));
    assert.equal(run.status, 0, run.stderr);
    const dev = run.resources.find((r) => r.type === "pulumiservice:index:DeploymentSettings")!;
    assert.equal((dev.inputs.vcs as Record<string, unknown>).pullRequestTemplate, true);
  });

  it("a stack on ACK Serverless gets the Alibaba Cloud key as secret environment variables, and the role", () => {
    const stacks = [{ name: "prod", environment: "prod", alibabaCloud: true }];
    const run = synthesize(
      stackConfig({
        "gitlab-ci-platform-deployments:stacks": stacks,
        "gitlab-ci-platform-deployments:alibabaCloudAccessKeyId": "LTAI-test",
        "gitlab-ci-platform-deployments:alibabaCloudAccessKeySecret": "secret-test",
        "gitlab-ci-platform-deployments:alibabaCloudRoleArn": "acs:ram::1:role/deployer",
      }),
    );
    assert.equal(run.status, 0, run.stderr);
    const prod = run.resources.find((r) => r.type === "pulumiservice:index:DeploymentSettings")!;
    // The key is a secret, so the engine keeps the whole operation context secret.
    const context = prod.inputs.operationContext as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- untyped JSON
    assert.equal(context[SECRET_SIG_KEY], SECRET_SIG, "the operation context holding the key is a secret");
    assert.deepEqual(context.value.environmentVariables, {
      ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAI-test",
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: "secret-test",
      ALIBABA_CLOUD_ROLE_ARN: "acs:ram::1:role/deployer",
    });
    assert.equal(settingsOf("dev").operationContext.environmentVariables, undefined);
  });

  it("a stack on ACK Serverless without the key fails before any resource, naming the keys", () => {
    const run = synthesize(
      stackConfig({
        "gitlab-ci-platform-deployments:stacks": [{ name: "prod", environment: "prod", alibabaCloud: true }],
      }),
    );
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /alibabaCloudAccessKeyId, alibabaCloudAccessKeySecret: required/);
  });

  it("an invalid stacks list fails before any resource, naming the entry", () => {
    const run = synthesize(
      stackConfig({ "gitlab-ci-platform-deployments:stacks": [{ name: "qa", environment: "staging" }] }),
    );
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /stacks\[0\]\.environment: must be dev or prod/);
  });
});
