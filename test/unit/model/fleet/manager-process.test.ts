import { strict as assert } from "node:assert";
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { MANAGER_COMMAND, readinessCommand, runnerEntrypoint } from "../../../../model/fleet";

/**
 * A stand-in for gitlab-runner that logs the signals it gets: SIGQUIT drains (a moment) and exits 0, SIGTERM
 * aborts. It is a node script, not a shell one, because like the Go runner (signal.Notify) node installs its
 * handlers even for a signal the starting shell set to ignored; a shell script could not trap SIGQUIT at all.
 */
const FAKE_RUNNER = `#!/usr/bin/env node
const fs = require("node:fs");
const log = (line) => fs.appendFileSync(process.env.SIGNAL_LOG, line + "\\n");
process.on("SIGQUIT", () => { log("QUIT"); setTimeout(() => { log("drained"); process.exit(0); }, 400); });
process.on("SIGTERM", () => { log("TERM"); process.exit(1); });
log("started " + process.argv.slice(2).join(" "));
setInterval(() => {}, 1000);
`;

function sandbox() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "manager-process-"));
  fs.writeFileSync(path.join(dir, "gitlab-runner"), FAKE_RUNNER, { mode: 0o755 });
  const paths = { configFile: `${dir}/config.toml`, workingDirectory: dir, pidFile: `${dir}/runner.pid` };
  const log = path.join(dir, "signals.log");
  const lines = () => (fs.existsSync(log) ? fs.readFileSync(log, "utf8").trim().split("\n") : []);
  return { dir, paths, log, lines };
}

async function until(condition: () => boolean, ms = 20000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("the manager's stop path", function () {
  this.timeout(40000);

  it("on SIGTERM the runner gets SIGQUIT, never SIGTERM, and the container exits 0 once its jobs have drained", async () => {
    const box = sandbox();
    const shell = spawn("/bin/sh", ["-c", runnerEntrypoint(box.paths)], {
      env: { ...process.env, PATH: `${box.dir}:${process.env.PATH}`, SIGNAL_LOG: box.log },
      stdio: "ignore",
    });
    const exited = new Promise<number | null>((resolve) => shell.on("exit", (code) => resolve(code)));
    await until(() => box.lines().length > 0 && fs.existsSync(box.paths.pidFile));
    assert.equal(
      box.lines()[0],
      `started run --config=${box.paths.configFile} --working-directory=${box.dir}`,
    );

    shell.kill("SIGTERM");
    assert.equal(await exited, 0);
    assert.deepEqual(box.lines().slice(1), ["QUIT", "drained"], "the shell waited for the drain");
    fs.rmSync(box.dir, { recursive: true });
  });

  it("exits with the runner's status when the runner stops by itself", async () => {
    const box = sandbox();
    fs.writeFileSync(path.join(box.dir, "gitlab-runner"), "#!/bin/sh\nexit 3\n", { mode: 0o755 });
    const run = spawnSync("/bin/sh", ["-c", runnerEntrypoint(box.paths)], {
      env: { ...process.env, PATH: `${box.dir}:${process.env.PATH}` },
    });
    assert.equal(run.status, 3);
    fs.rmSync(box.dir, { recursive: true });
  });

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
    fs.writeFileSync(box.paths.pidFile, String(process.pid));
    assert.notEqual(probe(box.paths.pidFile, ""), 0);
    assert.notEqual(probe(box.paths.pidFile, undefined), 0);
    assert.equal(probe(box.paths.pidFile, "glrt-x"), 0);
    fs.rmSync(box.dir, { recursive: true });
  });

  it("fails when the runner process is gone", () => {
    const box = sandbox();
    const gone = spawnSync("/bin/sh", ["-c", "echo $$"], { encoding: "utf8" }).stdout.trim();
    fs.writeFileSync(box.paths.pidFile, gone);
    assert.notEqual(probe(box.paths.pidFile, "glrt-x"), 0);
    fs.rmSync(box.dir, { recursive: true });
  });
});
