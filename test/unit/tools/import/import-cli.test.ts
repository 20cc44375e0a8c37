import { strict as assert } from "node:assert";
import { execFile } from "node:child_process";
import path from "node:path";
import YAML from "yaml";
import { runImport } from "../../../../tools/import/run";
import { FIXTURES } from "./import-fixtures";

const REPO = path.resolve(__dirname, "../../../..");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runInProcess(...args: string[]): Run {
  const run: Run = { code: -1, stdout: "", stderr: "" };
  run.code = runImport(args, { stdout: (t) => (run.stdout += t), stderr: (t) => (run.stderr += t) });
  return run;
}

function spawnCli(...args: string[]): Promise<Run> {
  const argv = ["-r", "./tools/typescript/register.js", "tools/import/cli.ts", ...args];
  return new Promise((resolve) => {
    execFile(process.execPath, argv, { cwd: REPO }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

describe("import command", () => {
  it("exits 0 and prints pasteable YAML when everything is carried over", () => {
    const run = runInProcess("--toml", path.join(FIXTURES, "seed-000-config.template.original.toml"));
    assert.equal(run.code, 0, run.stderr);
    const document = YAML.parse(run.stdout) as { config: Record<string, unknown> };
    assert.ok(Array.isArray(document.config["gitlab-ci-platform:fleets"]));
    assert.doesNotMatch(run.stdout, /not carried over/);
  });

  it("exits 1 and lists each loss as a YAML comment after the config", () => {
    const run = runInProcess("--toml", path.join(FIXTURES, "seed-001-configmap.toml"));
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /^# not carried over: runners\[0\]\.executor: executor "shell": /m);
    const document = YAML.parse(run.stdout) as { config: Record<string, unknown> };
    assert.deepEqual(document.config["gitlab-ci-platform:gitlab"], { url: "http://xxx.xxx.xxx" });
  });

  it("imports Helm values with --helm", () => {
    const run = runInProcess("--helm", path.join(FIXTURES, "seed-003-values.yaml"));
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /gitlab-ci-platform:hostAliases:/);
  });

  it("exits 2 with usage on bad arguments or a missing file", () => {
    assert.match(runInProcess("--yaml", "x").stderr, /usage: npm run import -- --toml/);
    assert.equal(runInProcess("--toml", path.join(FIXTURES, "missing.toml")).code, 2);
  });

  it("as a process, exits 2 naming every misspelled key", async function () {
    this.timeout(20000);
    const run = await spawnCli("--toml", path.join(FIXTURES, "invalid-kubernetes-keys.toml"));
    assert.equal(run.code, 2);
    assert.equal(run.stdout, "");
    assert.match(
      run.stderr,
      /runners\[0\]\.kubernetes\.cpu_limits: unknown key "cpu_limits" — did you mean cpu_limit\?/,
    );
    assert.match(
      run.stderr,
      /runners\[0\]\.kubernetes\.pull_polcy: unknown key "pull_polcy" — did you mean pull_policy\?/,
    );
  });
});
