import { strict as assert } from "node:assert";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import { systemIdFor } from "../../model/fleet";
import { MANAGER_PATHS } from "../../model/fleet/constants";
import { REQUIRED_ENV, type RunnerBinary, runnerOrSkip } from "./harness/binary";
import { shellJob, StandInGitLab } from "./harness/gitlab-api";
import { DUMB_INIT, ManagerPod } from "./harness/manager-pod";
import {
  freePort,
  metrics,
  metricsText,
  type RenderedManager,
  renderedManager,
  waitFor,
} from "./harness/manager-fixture";

const REQUEST = "/api/v4/jobs/request";

/** Runs a test's pods against one stand-in GitLab; removes them afterwards. */
interface Bench {
  api: StandInGitLab;
  token: string;
  port: number;
  manager: RenderedManager;
  pod(replica: number, token?: string): ManagerPod;
}

async function bench(runner: RunnerBinary, pods: ManagerPod[]): Promise<Bench> {
  const token = `glrt-${randomBytes(15).toString("hex")}`;
  const api = new StandInGitLab(token);
  await api.start();
  const port = await freePort();
  const manager = renderedManager(api.url, port);
  return {
    api,
    token,
    port,
    manager,
    pod: (replica, podToken = token) => {
      const pod = new ManagerPod(
        manager.podSpec,
        `${manager.statefulSet}-${replica}`,
        manager.namespace,
        { [manager.tokenRef]: podToken },
        runner,
      );
      pods.push(pod);
      return pod;
    },
  };
}

describe("the manager's lifecycle with the real runner, under the rendered StatefulSet's command", function () {
  this.timeout(90000);
  let runner: RunnerBinary;
  const pods: ManagerPod[] = [];
  const apis: StandInGitLab[] = [];
  let b: Bench;

  before(function () {
    runner = runnerOrSkip(this);
    if (!fs.existsSync(DUMB_INIT)) {
      const reason = `${DUMB_INIT} is missing (the manager image's init): apt-get install dumb-init`;
      if (process.env[REQUIRED_ENV]) throw new Error(`${REQUIRED_ENV} is set: ${reason}`);
      console.log(`    skipped: ${reason}`);
      this.skip();
    }
  });
  beforeEach(async () => {
    b = await bench(runner, pods);
    apis.push(b.api);
  });
  afterEach(async () => {
    for (const pod of pods.splice(0)) await pod.remove();
    for (const api of apis.splice(0)) await api.stop();
  });

  it("asks GitLab for jobs with the token from its environment; the token is in no file, log line or metric", async () => {
    const pod = b.pod(0);
    pod.writeConfigMap(b.manager.configToml);
    pod.start();
    await waitFor("a job request", () => b.api.requestsTo(REQUEST).length > 0);
    const [request] = b.api.requestsTo(REQUEST);
    assert.equal(request.body.token, b.token);
    assert.equal(request.tokenHeader, b.token);
    assert.match(b.manager.configToml, /^\s*token = "\$\{RUNNER_TOKEN\}"$/m);
    assert.ok(!b.manager.configToml.includes(b.token));
    const exposed = [pod.log(), await metricsText(b.port)].filter((text) => text.includes(b.token));
    assert.deepEqual(exposed, []);
  });

  it("each replica keeps its own system ID: the one the init container derives, again after the pod is re-created", async () => {
    const systemIds = async (pod: ManagerPod) => {
      const before = b.api.requestsTo(REQUEST).length;
      pod.start();
      await waitFor(`a job request from ${pod.podName}`, () =>
        b.api
          .requestsTo(REQUEST)
          .slice(before)
          .some((r) => r.body.system_id === expected(pod)),
      );
      await pod.stop();
    };
    const expected = (pod: ManagerPod) => systemIdFor(pod.namespace, pod.podName);
    const [first, second] = [b.pod(0), b.pod(1)];
    for (const pod of [first, second]) pod.writeConfigMap(b.manager.configToml);
    await systemIds(first);
    await systemIds(second);
    await systemIds(first); // re-created: new emptyDirs, the init container runs again
    const seen = new Set(b.api.requestsTo(REQUEST).map((r) => r.body.system_id));
    assert.deepEqual([...seen].sort(), [expected(first), expected(second)].sort());
    assert.notEqual(expected(first), expected(second));
  });

  it("reloads a kubelet-style ConfigMap swap without a restart", async () => {
    const pod = b.pod(0);
    pod.writeConfigMap(b.manager.configToml);
    pod.start();
    await waitFor("the metrics", async () => (await metrics(b.port).catch(() => new Map())).size > 0);
    const pid = pod.runnerPid();
    assert.equal((await metrics(b.port)).get("gitlab_runner_concurrent"), 4);
    pod.writeConfigMap(b.manager.configToml.replace(/^concurrent = 4$/m, "concurrent = 7"));
    await waitFor(
      "the new concurrency",
      async () => (await metrics(b.port)).get("gitlab_runner_concurrent") === 7,
    );
    assert.equal((await metrics(b.port)).get("gitlab_runner_configuration_loaded_total"), 2);
    assert.equal(pod.runnerPid(), pid, "the same runner process");
    assert.ok(pod.running);
  });

  it("keeps running on the old config when a swapped-in config is broken, and reports it", async () => {
    const pod = b.pod(0);
    pod.writeConfigMap(b.manager.configToml);
    pod.start();
    await waitFor("the metrics", async () => (await metrics(b.port).catch(() => new Map())).size > 0);
    pod.writeConfigMap(`${b.manager.configToml.replace(/^concurrent = 4$/m, "concurrent = 9")}\n[runners\n`);
    await waitFor(
      "the loading error",
      async () => (await metrics(b.port)).get("gitlab_runner_configuration_loading_error_total") === 1,
    );
    assert.match(
      pod.log(),
      /"level":"error".*"msg":"Failed to load config decoding configuration file: toml/,
    );
    assert.equal((await metrics(b.port)).get("gitlab_runner_concurrent"), 4, "the old config still applies");
    const after = Date.now();
    await waitFor("a job request after the error", () => b.api.requestsTo(REQUEST).some((r) => r.at > after));
    assert.ok(pod.running);
    assert.equal(pod.readiness(), 0);
  });

  it("on SIGTERM through the entrypoint, the runner drains its running job (SIGQUIT) and the container exits 0", async () => {
    const pod = b.pod(0);
    // The shell executor runs the job here (the kubernetes executor needs a cluster with nodes); the rest of
    // config.toml is the fleet's.
    pod.writeConfigMap(
      b.manager.configToml
        .replace(/^(\s*)executor = "kubernetes"$/m, '$1executor = "shell"')
        .replace(/^(\s*)builds_dir = ".*"$/m, `$1builds_dir = "${pod.root}/builds"`),
    );
    b.api.serveJob(shellJob(42, ["echo started", "sleep 3", "echo finished-after-the-stop-signal"]));
    pod.start();
    await waitFor("the job to start", () => b.api.jobs.get(42)!.states.includes("running"));
    await waitFor("the job's script", () => b.api.jobs.get(42)!.trace.includes("started"), 10000);
    const exitCode = await pod.stop("SIGTERM");
    assert.equal(exitCode, 0);
    const job = b.api.jobs.get(42)!;
    assert.deepEqual(job.states, ["running", "success"]);
    assert.match(job.trace, /finished-after-the-stop-signal/);
    assert.match(pod.log(), /"stop-signal":3,.*received stop signal|received stop signal.*"stop-signal":3/);
    assert.match(pod.log(), /Starting graceful shutdown, waiting for builds to finish/);
  });

  it("is not ready without a token, though the runner runs; with one it is", async () => {
    const empty = b.pod(0, "");
    empty.writeConfigMap(b.manager.configToml);
    empty.start();
    await waitFor("the runner to load its config", () => /Configuration loaded/.test(empty.log()));
    await waitFor("the token warning", () => /Runner token is empty or whitespace/.test(empty.log()));
    assert.ok(empty.running);
    assert.notEqual(empty.readiness(), 0);
    assert.equal(empty.readiness({ RUNNER_TOKEN: undefined }), 1);
    assert.deepEqual(b.api.requestsTo(REQUEST), [], "no job request without a token");
    await empty.stop();

    const ready = b.pod(1);
    ready.writeConfigMap(b.manager.configToml);
    ready.start();
    await waitFor("the runner", () => /Configuration loaded/.test(ready.log()));
    assert.equal(ready.readiness(), 0);
  });

  it("gitlab-runner verify, run in the running container, checks the token from its environment with GitLab", async () => {
    const verify = ["gitlab-runner", "verify", `--config=${MANAGER_PATHS.configDir}/config.toml`];
    const valid = b.pod(0);
    valid.writeConfigMap(b.manager.configToml);
    valid.start();
    await waitFor("the runner to load its config", () => /Configuration loaded/.test(valid.log()));
    const ok = await valid.exec(verify);
    assert.equal(ok.status, 0, ok.output);
    assert.match(ok.output, /Verifying runner\.\.\. is valid/);
    const [request] = b.api.requestsTo("/api/v4/runners/verify");
    assert.equal(request.body.token, b.token);
    assert.equal(request.body.system_id, systemIdFor(valid.namespace, valid.podName));
    assert.ok(!ok.output.includes(b.token));

    const revoked = b.pod(1, "glrt-revoked-token-value-0000");
    revoked.writeConfigMap(b.manager.configToml);
    revoked.start();
    await waitFor("the runner to load its config", () => /Configuration loaded/.test(revoked.log()));
    const refused = await revoked.exec(verify);
    assert.notEqual(refused.status, 0);
    assert.match(refused.output, /is not valid/);
  });

  it("exits with the runner's status when the runner stops by itself (a config it cannot start with)", async () => {
    const pod = b.pod(0);
    pod.writeConfigMap(b.manager.configToml.replace(/^log_level = .*$/m, 'log_level = "loud"'));
    pod.start();
    await waitFor("the runner to give up", () => !pod.running);
    assert.equal(await pod.stop(), 1);
    assert.match(pod.log(), /failed to parse log level/);
  });
});
