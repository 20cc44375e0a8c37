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
    // The project's own loader (esbuild, cached): the program's TypeScript as Pulumi's ts-node would run it,
    // transpiled only.
    [
      "-r",
      "./tools/typescript/register.js",
      join(__dirname, "deployments-harness.ts"),
      JSON.stringify(config),
    ],
    { cwd: ROOT, encoding: "utf8" },
  );
  return {
    status: run.status,
    resources: run.status === 0 ? (JSON.parse(run.stdout) as Recorded[]) : [],
    stderr: run.stderr,
  };
}

const P = "gitlab-ci-platform-deployments:";
const KEY = {
  [`${P}alibabaCloudAccessKeyId`]: "LTAI-test",
  [`${P}alibabaCloudAccessKeySecret`]: "secret-test",
};
const PROD_ON_AGENTS = { name: "prod", environment: "prod", agentPoolId: "pool-in-the-vpc" };

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- recorded inputs are untyped JSON

const settingsIn = (found: Recorded[], stack: string) =>
  found.find((r) => r.type === "pulumiservice:index:DeploymentSettings" && r.inputs.stack === stack)
    ?.inputs as Json | undefined;

describe("deployments: the Pulumi Deployments bootstrap, synthesized offline", function () {
  this.timeout(60000);
  let resources: Recorded[];
  let stderr: string;

  before(function () {
    // Its own node_modules when installed (npm ci --prefix deployments), else the root's devDependency.
    assert.doesNotThrow(
      () => require.resolve("@pulumi/pulumiservice", { paths: [PROGRAM] }),
      "@pulumi/pulumiservice is not installed: run npm ci (or npm ci --prefix deployments)",
    );
    const run = synthesize(stackConfig());
    assert.equal(run.status, 0, run.stderr);
    resources = run.resources;
    stderr = run.stderr;
  });

  const settingsOf = (stack: string) => {
    const found = settingsIn(resources, stack);
    assert.ok(found, `DeploymentSettings for ${stack}`);
    return found;
  };

  it("every resource it registers matches the schema of the pulumiservice version it pins", () => {
    const schema = loadSchema();
    assert.ok(resources.length > 0);
    for (const resource of resources)
      assert.deepEqual(schemaFailures(schema, resource.type, resource.inputs), [], resource.name);
  });

  it("creates dev's deployment settings from the GitLab repository and branch, previewing merge requests", () => {
    const inputs = settingsOf("dev");
    assert.equal(inputs.organization, "acme");
    assert.equal(inputs.project, "gitlab-ci-platform");
    assert.equal(inputs.vcs.provider, "gitlab");
    assert.equal(inputs.vcs.repository, "platform/gitlab-ci-platform");
    assert.equal(inputs.sourceContext.git.branch, "refs/heads/main");
    assert.equal(inputs.vcs.previewPullRequests, true, "merge requests get previews");
    assert.equal(inputs.vcs.deployCommits, true, "dev deploys on push");
    assert.equal(inputs.github, undefined, "the deprecated github block is not used");
    assert.equal(inputs.agentPoolId, undefined, "Pulumi's hosted runners");
  });

  it("schedules nothing for prod until it has an agent pool in its VPC and the Alibaba Cloud key, and says why", () => {
    assert.equal(settingsIn(resources, "prod"), undefined);
    assert.match(stderr, /stack prod: no Deployments \(no previews, no updates\): /);
    assert.match(
      stderr,
      /endpointPublicAccess is false in Pulumi\.prod\.yaml\), and Pulumi's hosted runners are outside it — set agentPoolId/,
    );
    assert.match(stderr, /no Alibaba Cloud key — run pulumi config set --secret alibabaCloudAccessKeyId/);
  });

  it("runs prod on its agent pool with the key as secret environment variables, and no role of its own", () => {
    const run = synthesize(stackConfig({ [`${P}stacks`]: [PROD_ON_AGENTS], ...KEY }));
    assert.equal(run.status, 0, run.stderr);
    const prod = settingsIn(run.resources, "prod")!;
    assert.equal(prod.agentPoolId, "pool-in-the-vpc");
    assert.equal(prod.vcs.deployCommits, false, "prod waits for a hand-started update");
    // The key is a secret, so the engine keeps the whole operation context secret.
    const context = prod.operationContext as Json;
    assert.equal(context[SECRET_SIG_KEY], SECRET_SIG, "the operation context holding the key is a secret");
    assert.deepEqual(context.value.environmentVariables, {
      ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAI-test",
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: "secret-test",
    });
    assert.equal(settingsOf("dev").operationContext.environmentVariables, undefined);
  });

  it("an agent pool without the key, or the key without an agent pool, still schedules nothing for prod", () => {
    const noKey = synthesize(stackConfig({ [`${P}stacks`]: [PROD_ON_AGENTS] }));
    assert.equal(settingsIn(noKey.resources, "prod"), undefined);
    assert.match(noKey.stderr, /no Alibaba Cloud key/);
    assert.doesNotMatch(noKey.stderr, /set agentPoolId/);
    const noPool = synthesize(
      stackConfig({ [`${P}stacks`]: [{ name: "prod", environment: "prod" }], ...KEY }),
    );
    assert.equal(settingsIn(noPool.resources, "prod"), undefined);
    assert.match(noPool.stderr, /set agentPoolId/);
  });

  it("a stack can keep merge requests from being previewed", () => {
    const stacks = [{ name: "dev", environment: "dev", previewMergeRequests: false }];
    const run = synthesize(stackConfig({ [`${P}stacks`]: stacks }));
    assert.equal(settingsIn(run.resources, "dev")!.vcs.previewPullRequests, false);
  });

  it("path filters skip docs, tests and the other stacks' files", () => {
    const paths = settingsOf("dev").vcs.paths as string[];
    assert.ok(paths.includes("!Pulumi.prod.yaml") && !paths.includes("!Pulumi.dev.yaml"));
    for (const skipped of ["!README.md", "!docs/**", "!test/**", "!deployments/**"])
      assert.ok(paths.includes(skipped), skipped);
  });

  it("a change to what the stack publishes triggers it, the published templates/README.md included", () => {
    const excluded = (settingsOf("dev").vcs.paths as string[])
      .filter((p) => p.startsWith("!"))
      .map((p) => p.slice(1));
    const triggers = (file: string) => !excluded.some((pattern) => matchesImagePattern(pattern, file));
    for (const file of ["templates/README.md", "templates/kaniko-build.yml", "index.ts", "Pulumi.dev.yaml"])
      assert.ok(triggers(file), file);
    for (const file of [
      "README.md",
      "docs/how-to/add-a-fleet.md",
      "docs/first-real-run.md",
      "components/gitlab/bindings/README.md",
      "test/stack/synth.test.ts",
    ])
      assert.ok(!triggers(file), file);
  });

  it("installs with npm ci before each run, since the image's default install would run package scripts", () => {
    const context = settingsOf("dev").operationContext;
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
      const group = groups.find((g) => g.inputs.name === `gitlab-ci-platform-${environment}`)!.inputs as Json;
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

  it("without a policy pack version there are no policy groups (a paid edition's feature), and it says so", () => {
    const run = synthesize(stackConfig({ [`${P}policyPackVersion`]: "" }));
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.resources.filter((r) => r.type === "pulumiservice:index:PolicyGroup").length, 0);
    assert.match(
      run.stderr,
      /policyPackVersion is not set: no policy groups, so Deployments runs no policy pack/,
    );
  });

  it("a stack opted into review stacks becomes the merge-request template, with a word on their policy group", () => {
    const stacks = [{ name: "dev", environment: "dev", deployOnPush: true, reviewStacks: true }];
    const run = synthesize(stackConfig({ [`${P}stacks`]: stacks }));
    assert.equal(run.status, 0, run.stderr);
    assert.equal(settingsIn(run.resources, "dev")!.vcs.pullRequestTemplate, true);
    assert.match(run.stderr, /review stacks join the organization's default policy group/);
  });

  it("refuses every invalid setting at once, before any resource, each naming its key and the fix", () => {
    const run = synthesize(
      stackConfig({
        [`${P}stacks`]: [
          { name: "qa", environment: "staging" },
          { name: "prod", environment: "prod", alibabaCloud: true },
        ],
        [`${P}alibabaCloudRoleArn`]: "acs:ram::1:role/deployer",
        [`${P}alibabaCloudAccessKeyId`]: "LTAI-test",
      }),
    );
    assert.notEqual(run.status, 0);
    assert.deepEqual(run.resources, []);
    for (const message of [
      /stacks\[0\]\.environment: must be dev or prod/,
      /stacks\[1\]\.alibabaCloud: remove it: a stack's Pulumi\.<name>\.yaml tells/,
      /alibabaCloudRoleArn: no longer read: .*pulumi config rm alibabaCloudRoleArn/,
      /alibabaCloudAccessKeyId, alibabaCloudAccessKeySecret: only one is set — set both/,
    ])
      assert.match(run.stderr, message);
  });

  it("refuses a stack the repository has no file for", () => {
    const run = synthesize(stackConfig({ [`${P}stacks`]: [{ name: "qa", environment: "dev" }] }));
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /stacks\[0\]\.name: the repository has no Pulumi\.qa\.yaml/);
  });
});
