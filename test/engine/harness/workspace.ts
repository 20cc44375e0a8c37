import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { removeFolder, removeOnExit, runGroup } from "../../cluster/harness/processes";
import type { EngineBinaries } from "./binaries";

export interface PulumiResult {
  code: number;
  stdout: string;
  stderr: string;
}

export type PluginKind = "resource" | "language" | "analyzer";

/** The one passphrase of the test stacks' secrets (a local backend in a temporary folder: nothing to protect). */
export const TEST_PASSPHRASE = "engine-tests";

/**
 * A Pulumi setup of its own in a temporary folder: PULUMI_HOME (plugins, credentials), a file backend and the
 * passphrase secrets provider, so that the user's own Pulumi setup is never read or written. Any Pulumi project
 * directory can be run in it (`run`); `close` stops nothing that is still running (every command is awaited) and
 * removes the folder, which a test run's exit or Ctrl-C also does.
 */
export class PulumiWorkspace {
  private constructor(
    readonly binaries: EngineBinaries,
    readonly dir: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  static open(binaries: EngineBinaries): PulumiWorkspace {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gitlab-ci-platform-engine-"));
    removeOnExit(dir);
    fs.mkdirSync(path.join(dir, "state"));
    const env: NodeJS.ProcessEnv = {
      ...withoutPulumiSettings(process.env),
      PATH: `${binaries.dir}${path.delimiter}${process.env.PATH ?? ""}`,
      PULUMI_HOME: path.join(dir, "home"),
      PULUMI_BACKEND_URL: `file://${path.join(dir, "state")}`,
      PULUMI_CONFIG_PASSPHRASE: TEST_PASSPHRASE,
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      // A plugin binary on the PATH would win over the installed one.
      PULUMI_IGNORE_AMBIENT_PLUGINS: "true",
      PULUMI_SKIP_CONFIRMATIONS: "true",
      NO_COLOR: "1",
    };
    return new PulumiWorkspace(binaries, dir, env);
  }

  /** Adds a variable to the environment of every later command. */
  setEnv(name: string, value: string): void {
    this.env[name] = value;
  }

  /** `pulumi plugin install <kind> <name> <version> --file <file>` into this workspace's PULUMI_HOME. */
  async installPlugin(kind: PluginKind, name: string, version: string, file: string): Promise<void> {
    await this.ok(this.dir, ["plugin", "install", kind, name, version, "--file", file]);
  }

  /** Runs `pulumi <args>` in a project directory; `env` adds to (or, with undefined, removes from) the setup's. */
  run(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<PulumiResult> {
    const merged = { ...this.env, ...env };
    for (const [name, value] of Object.entries(env)) if (value === undefined) delete merged[name];
    return runGroup(this.binaries.pulumi, ["--non-interactive", ...args], { cwd, env: merged });
  }

  /** Like run, but throws with the command's output unless it exits 0. */
  async ok(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<PulumiResult> {
    const result = await this.run(cwd, args, env);
    if (result.code !== 0) throw new Error(failure(args, result));
    return result;
  }

  close(): void {
    removeFolder(this.dir);
  }
}

export function failure(args: string[], result: PulumiResult): string {
  return `pulumi ${args.join(" ")} exited ${result.code}:\n${tail(result.stdout)}\n${tail(result.stderr)}`;
}

function tail(text: string, lines = 60): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

/**
 * The environment without the user's Pulumi settings (their backend, access token, passphrase, provider flags such
 * as PULUMI_K8S_ENABLE_PATCH_FORCE) and without an ambient kubeconfig: a test stack names its cluster itself.
 */
function withoutPulumiSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => !/^(PULUMI_|KUBECONFIG$|NODE_OPTIONS$)/.test(name)),
  );
}
