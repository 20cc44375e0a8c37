import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { MANAGER_COMMAND, readinessCommand, runnerEntrypoint } from "../../../../model/fleet";

function sandbox() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "manager-process-"));
  return { dir, pidFile: `${dir}/runner.pid` };
}

/**
 * How the entrypoint turns Kubernetes' SIGTERM into the runner's graceful SIGQUIT, drains a job and passes the
 * runner's exit status on is shown with the real runner in test/runner/manager-lifecycle.runner.ts.
 */
describe("the manager's stop path", () => {
  it("Kubernetes' SIGTERM reaches only the entrypoint shell: dumb-init signals its single child", () => {
    assert.deepEqual(MANAGER_COMMAND.slice(0, 5), [
      "/usr/bin/dumb-init",
      "--single-child",
      "--",
      "/bin/sh",
      "-c",
    ]);
    assert.equal(MANAGER_COMMAND[5], runnerEntrypoint());
  });
});

describe("the manager's readiness", () => {
  const probe = (pidFile: string, token: string | undefined) => {
    const [cmd, ...args] = readinessCommand(pidFile);
    const env: Record<string, string> = { PATH: process.env.PATH ?? "" };
    if (token !== undefined) env.RUNNER_TOKEN = token;
    return spawnSync(cmd, args, { env }).status;
  };

  it("fails with an empty or missing RUNNER_TOKEN, though the runner is up", () => {
    const box = sandbox();
    fs.writeFileSync(box.pidFile, String(process.pid));
    assert.notEqual(probe(box.pidFile, ""), 0);
    assert.notEqual(probe(box.pidFile, undefined), 0);
    assert.equal(probe(box.pidFile, "glrt-x"), 0);
    fs.rmSync(box.dir, { recursive: true });
  });

  it("fails when the runner process is gone", () => {
    const box = sandbox();
    const gone = spawnSync("/bin/sh", ["-c", "echo $$"], { encoding: "utf8" }).stdout.trim();
    fs.writeFileSync(box.pidFile, gone);
    assert.notEqual(probe(box.pidFile, "glrt-x"), 0);
    fs.rmSync(box.dir, { recursive: true });
  });
});
