import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { writeStackVariant } from "../helpers/stack-file";
import { ROOT, runSynth } from "../helpers/synth";

/** Writes a temporary stack file derived from Pulumi.dev.yaml, removed after the test. */
const devVariant = (stack: string, change: (config: Record<string, unknown>) => void) =>
  writeStackVariant(stack, change);

describe("offline synth of a dev stack with a docker-in-docker fleet and an unprotected credential", function () {
  this.timeout(30000);
  const stack = "dev-dind";
  let file = "";
  let run: ReturnType<typeof runSynth>;
  after(() => fs.rmSync(file, { force: true }));

  before(() => {
    file = devVariant(stack, (config) => {
      const variables = config["gitlab-ci-platform:variables"] as Record<string, unknown>[];
      variables[0].protected = false;
      const fleets = config["gitlab-ci-platform:fleets"] as Record<string, unknown>[];
      fleets.push({
        name: "dind",
        tags: ["dind"],
        dangerous: { dockerInDocker: true },
        kubernetes: {
          namespace: "ci-dind",
          nodeSelector: { "ci/dind": "true" },
          nodeTolerations: { "ci/dind=true": "NoSchedule" },
        },
      });
    });
    run = runSynth(stack);
  });

  it("exits 0, labels its namespace privileged and warns on the console and in the summary", () => {
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /warning: namespace ci-dind admits privileged pods/);
    assert.match(run.files.get("summary.md")!, /## Warnings[\s\S]*ci-dind/);
    const ns = parse(run.files.get("k8s/_cluster/namespace-ci-dind.yaml")!);
    assert.equal(ns.metadata.labels["pod-security.kubernetes.io/enforce"], "privileged");
    assert.match(run.files.get("runner/dind.config.toml")!, /^\s*privileged = true$/m);
  });

  it("warns, as a dev stack, about a credential variable that is not protected (prod refuses it)", () => {
    const warning =
      /variables\[0\]: SONAR_TOKEN holds a credential but is not protected — set protected: true/;
    assert.match(run.stderr, warning);
    assert.match(run.files.get("summary.md")!, warning);
  });
});

describe("offline synth of fleets sharing a job namespace", function () {
  this.timeout(30000);
  const stack = "shared-ns-test";
  let file = "";
  after(() => fs.rmSync(file, { force: true }));

  it("keeps a restricted fleet restricted beside a kaniko fleet in a baseline namespace", () => {
    file = devVariant(stack, (config) => {
      const fleets = config["gitlab-ci-platform:fleets"] as { kubernetes: Record<string, unknown> }[];
      for (const fleet of fleets) fleet.kubernetes.namespace = "ci-shared";
    });
    const run = runSynth(stack);
    assert.equal(run.status, 0, run.stderr);
    const ns = parse(run.files.get("k8s/_cluster/namespace-ci-shared.yaml")!);
    assert.equal(ns.metadata.labels["pod-security.kubernetes.io/enforce"], "baseline");
    assert.match(run.files.get("runner/k8s.config.toml")!, /run_as_non_root = true/);
    assert.doesNotMatch(run.files.get("runner/kaniko.config.toml")!, /run_as_non_root/);
  });
});

describe("offline synth of an invalid stack file", function () {
  this.timeout(30000);
  const stack = "invalid-config-test";
  const file = path.join(ROOT, `Pulumi.${stack}.yaml`);

  after(() => fs.rmSync(file, { force: true }));

  it("exits 2 naming an unknown key and every other problem, and writes nothing", () => {
    const dev = parse(fs.readFileSync(path.join(ROOT, "Pulumi.dev.yaml"), "utf8"));
    dev.config["gitlab-ci-platform:someTypo"] = 1;
    dev.config["gitlab-ci-platform:fleets"] = [{ name: "Bad Name" }];
    fs.writeFileSync(file, stringify(dev));
    const run = runSynth(stack);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /gitlab-ci-platform:someTypo: unknown configuration key — /);
    assert.match(run.stderr, /gitlab-ci-platform:fleets\[0\]\.name: /);
    assert.equal(run.files.size, 0);
  });

  it("refuses to replace a folder it did not write", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "not-synth-"));
    fs.writeFileSync(path.join(dir, "keep.txt"), "precious");
    const result = spawnSync(
      process.execPath,
      ["-r", "./tools/typescript/register.js", "tools/synth/cli.ts", "--stack", "dev", "--out", dir],
      { cwd: ROOT, encoding: "utf8" },
    );
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /not empty and was not written by synth/);
    assert.equal(fs.readFileSync(path.join(dir, "keep.txt"), "utf8"), "precious");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("exits 2 for a stack without a stack file", () => {
    const run = runSynth("no-such-stack");
    assert.equal(run.status, 2);
    assert.match(run.stderr, /Pulumi\.no-such-stack\.yaml does not exist/);
  });
});

describe("offline synth with the policy pack (--policy)", function () {
  this.timeout(30000);
  const stack = "policy-test";
  let file = "";
  after(() => fs.rmSync(file, { force: true }));

  it("passes the shipped dev stack: exit 0, policy.md beside stack.json", () => {
    const run = runSynth("dev", ROOT, ["--policy"]);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.files.get("policy.md")!, /0 mandatory/);
  });

  it("exits 3 and names the resource and the fix when a fleet breaks a mandatory policy", () => {
    file = devVariant(stack, (config) => {
      const fleets = config["gitlab-ci-platform:fleets"] as { kubernetes: Record<string, unknown> }[];
      delete fleets[0].kubernetes.allowedImages;
    });
    const run = runSynth(stack, ROOT, ["--policy"]);
    assert.equal(run.status, 3, run.stdout + run.stderr);
    assert.match(run.stdout, /job-pods-allowed-images/);
    assert.match(run.stdout, /k8s-config .*allowed_images is not set.* — .*fleet kubernetes\.allowedImages/);
    assert.ok(run.files.has("stack.json"), "the synthesized files are written all the same");
  });

  it("exits 2 on a policy config it cannot read", () => {
    const run = runSynth("dev", ROOT, [
      "--policy",
      "--policy-config",
      path.join(os.tmpdir(), "no-such-file.json"),
    ]);
    assert.equal(run.status, 2, run.stdout + run.stderr);
    assert.match(run.stderr, /cannot read the policy config/);
  });
});
