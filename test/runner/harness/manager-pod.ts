import { type ChildProcess, execFile, spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { MANAGER_PATHS } from "../../../model/fleet/constants";
import { RUNNER_PID_FILE } from "../../../model/fleet/manager-process";
import type { RunnerBinary } from "./binary";

/** What this harness reads of a rendered pod spec (plain values: the manager's spec holds no Output there). */
export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { fieldRef?: { fieldPath: string }; secretKeyRef?: { name: string; key: string } };
}
export interface Container {
  command: string[];
  env?: EnvVar[];
  readinessProbe?: { exec: { command: string[] } };
}
export interface PodSpec {
  initContainers: Container[];
  containers: Container[];
}

/** The container paths the manager's command and probes use, each backed by a folder of the sandbox. */
const CONTAINER_DIRS = {
  configDir: MANAGER_PATHS.configDir,
  configMapDir: MANAGER_PATHS.configMapDir,
  home: MANAGER_PATHS.home,
  tmp: MANAGER_PATHS.tmp,
} as const;

export const DUMB_INIT = "/usr/bin/dumb-init";

/**
 * One replica of the manager StatefulSet run on this machine: the rendered pod spec's init container, then its
 * runner container's exact command and environment, with each emptyDir and the ConfigMap volume a folder of a
 * sandbox (the only change to the command is that its container paths name those folders). The ConfigMap folder
 * is laid out as the kubelet does (`..data` → a timestamped folder), so swapping it is an update as on a node.
 */
export class ManagerPod {
  readonly root: string;
  readonly dirs: Record<keyof typeof CONTAINER_DIRS, string>;
  readonly logFile: string;
  private child?: ChildProcess;
  private exit?: Promise<number | null>;
  private generation = 0;

  constructor(
    private readonly spec: PodSpec,
    readonly podName: string,
    readonly namespace: string,
    /** The Secret values secretKeyRef reads, by `secret/key`. */
    private readonly secrets: Record<string, string>,
    runner: RunnerBinary,
  ) {
    this.root = fs.mkdtempSync(path.join(os.tmpdir(), `manager-${podName}-`));
    this.dirs = {
      configDir: this.mkdir("config"),
      configMapDir: this.mkdir("config-template"),
      home: this.mkdir("home"),
      tmp: this.mkdir("tmp"),
    };
    this.logFile = path.join(this.root, "container.log");
    const bin = this.mkdir("bin");
    fs.symlinkSync(runner.path, path.join(bin, "gitlab-runner"));
  }

  /** Writes config.toml into the ConfigMap volume the way the kubelet updates one: a new folder, `..data` swapped. */
  writeConfigMap(configToml: string): void {
    const dir = this.dirs.configMapDir;
    const previous = fs.existsSync(path.join(dir, "..data"))
      ? fs.readlinkSync(path.join(dir, "..data"))
      : undefined;
    const version = `..${new Date().toISOString().replace(/[-:.]/g, "_")}.${this.generation++}`;
    fs.mkdirSync(path.join(dir, version));
    fs.writeFileSync(path.join(dir, version, "config.toml"), configToml);
    fs.symlinkSync(version, path.join(dir, "..data_tmp"));
    fs.renameSync(path.join(dir, "..data_tmp"), path.join(dir, "..data"));
    if (!fs.existsSync(path.join(dir, "config.toml")))
      fs.symlinkSync("..data/config.toml", path.join(dir, "config.toml"));
    if (previous) fs.rmSync(path.join(dir, previous), { recursive: true });
  }

  /** A new pod: fresh emptyDirs, the init container, then the runner container. */
  start(): void {
    for (const dir of [this.dirs.configDir, this.dirs.home, this.dirs.tmp]) {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir);
    }
    const init = this.spec.initContainers[0];
    const prepared = spawnSync(...this.command(init), { env: this.env(init), encoding: "utf8" });
    if (prepared.status !== 0) throw new Error(`init container failed: ${prepared.stderr}`);
    const main = this.spec.containers[0];
    const log = fs.openSync(this.logFile, "a");
    const [binary, args] = this.command(main);
    // Its own process group, like a container: the entrypoint shell, the runner and its jobs can be ended together.
    this.child = spawn(binary, args, { env: this.env(main), stdio: ["ignore", log, log], detached: true });
    fs.closeSync(log);
    const child = this.child;
    this.exit = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
    live.add(child);
    child.once("exit", () => live.delete(child));
  }

  /**
   * Sends a signal to the container's PID 1 (dumb-init), as the kubelet does, and waits for the exit status; when
   * the grace period runs out, every process of the container is killed, as the kubelet's SIGKILL does.
   */
  async stop(signal: NodeJS.Signals = "SIGTERM", graceMs = 60000): Promise<number | null> {
    const child = this.child;
    if (!child || !this.exit) return null;
    if (this.running && !this.started) {
      // dumb-init drops a signal it forwards before its child has exec'd the entrypoint, and the container would
      // then run out its whole grace period: a kubelet stops containers that have long started, so must a test.
      throw new Error(
        `${this.podName}: stopped before its entrypoint started the runner; wait for the runner first`,
      );
    }
    child.kill(signal);
    const timer = setTimeout(() => killGroup(child), graceMs);
    const code = await this.exit;
    clearTimeout(timer);
    killGroup(child);
    this.child = undefined;
    return code;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The readiness probe's command in the container's environment (`env` replaces variables): its exit status. */
  readiness(env: Record<string, string | undefined> = {}): number | null {
    const main = this.spec.containers[0];
    const probe = (main.readinessProbe?.exec.command ?? []).map((a) => this.mapPaths(a));
    const merged = { ...this.env(main), ...env };
    for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key];
    return spawnSync(probe[0], probe.slice(1), { env: merged as NodeJS.ProcessEnv }).status;
  }

  /**
   * Runs a command in the runner container's environment, as `kubectl exec` would (container paths mapped).
   * Asynchronous: the stand-in GitLab it may call answers from this same process.
   */
  exec(command: string[]): Promise<{ status: number | null; output: string }> {
    const [binary, ...args] = command.map((part) => this.mapPaths(part));
    return new Promise((resolve) => {
      execFile(binary, args, { env: this.env(this.spec.containers[0]) }, (error, stdout, stderr) =>
        resolve({
          status: error ? ((error.code as number | undefined) ?? 1) : 0,
          output: `${stdout}${stderr}`,
        }),
      );
    });
  }

  log(): string {
    return fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, "utf8") : "";
  }

  /** Whether the entrypoint has started the runner (it records the runner's process id right after). */
  private get started(): boolean {
    return fs.existsSync(this.mapPaths(RUNNER_PID_FILE));
  }

  /** The runner's process id as the entrypoint recorded it. */
  runnerPid(): string {
    return fs.readFileSync(this.mapPaths(RUNNER_PID_FILE), "utf8").trim();
  }

  /** Ends the container however far it got (killed outright before its runner started), and deletes its folders. */
  async remove(): Promise<void> {
    if (this.child && !this.started) {
      killGroup(this.child);
      await this.exit;
      this.child = undefined;
    }
    await this.stop("SIGTERM", 10000);
    fs.rmSync(this.root, { recursive: true, force: true });
  }

  private command(container: Container): [string, string[]] {
    const command = container.command.map((part) => this.mapPaths(part));
    return [command[0], command.slice(1)];
  }

  private env(container: Container): Record<string, string> {
    const env: Record<string, string> = { PATH: `${path.join(this.root, "bin")}:/usr/bin:/bin` };
    for (const variable of container.env ?? []) {
      const value = this.envValue(variable);
      if (value !== undefined) env[variable.name] = this.mapPaths(value);
    }
    return env;
  }

  private envValue(variable: EnvVar): string | undefined {
    if (variable.value !== undefined) return variable.value;
    const from = variable.valueFrom ?? {};
    if (from.fieldRef?.fieldPath === "metadata.name") return this.podName;
    if (from.fieldRef?.fieldPath === "metadata.namespace") return this.namespace;
    if (from.secretKeyRef) return this.secrets[`${from.secretKeyRef.name}/${from.secretKeyRef.key}`];
    throw new Error(`no value for ${variable.name}`);
  }

  /** Container paths to sandbox folders, in one pass (longest first), so no replacement is replaced again. */
  private mapPaths(text: string): string {
    const entries = Object.entries(CONTAINER_DIRS).sort(([, a], [, b]) => b.length - a.length);
    const pattern = new RegExp(
      entries.map(([, p]) => p.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|"),
      "g",
    );
    return text.replace(pattern, (match) => {
      const key = entries.find(([, p]) => p === match)![0] as keyof typeof CONTAINER_DIRS;
      return this.dirs[key];
    });
  }

  private mkdir(name: string): string {
    const dir = path.join(this.root, name);
    fs.mkdirSync(dir);
    return dir;
  }
}

/** Containers still running: killed when the test process exits, however it exits. */
const live = new Set<ChildProcess>();
process.once("exit", () => live.forEach(killGroup));

/** Kills the container's whole process group (it leads one: spawned detached), if any of it is left. */
function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // Nothing left of the group.
  }
}
