import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** The project root, and beside it the shared folder CI and development machines carry. */
const ROOT = path.resolve(__dirname, "../../..");
export const SHARED_PULUMI = path.resolve(ROOT, "../shared/pulumi");

/** What the deployments/ project needs of the engine: the CLI and the Node.js language host. */
const BINARIES = ["pulumi", "pulumi-language-nodejs"] as const;

export const MISSING_PULUMI_MESSAGE = [
  "skipped: the bootstrap's engine test needs the Pulumi CLI and its Node.js language host.",
  "Set PULUMI_TEST_BIN to a folder holding pulumi and pulumi-language-nodejs, put them on the PATH",
  "(https://www.pulumi.com/docs/install/), or place the xz-compressed set in ../shared/pulumi next to the",
  "project (unpacked once, checksums verified). ENGINE_TESTS_REQUIRED=1 turns this skip into a failure.",
].join("\n  ");

export interface PulumiCli {
  /** Folder holding the executables. */
  dir: string;
  /** Where they came from, for messages. */
  origin: string;
}

/**
 * PULUMI_TEST_BIN first, then a `pulumi` on the PATH with the language host beside it, then ../shared/pulumi
 * unpacked into $XDG_CACHE_HOME/gitlab-ci-platform/pulumi (checksums verified); undefined when none is there.
 */
export function locatePulumi(
  env: NodeJS.ProcessEnv = process.env,
  shared = SHARED_PULUMI,
): PulumiCli | undefined {
  if (env.PULUMI_TEST_BIN) {
    const missing = BINARIES.filter((b) => !isExecutable(path.join(env.PULUMI_TEST_BIN!, b)));
    if (missing.length > 0)
      throw new Error(`PULUMI_TEST_BIN=${env.PULUMI_TEST_BIN} lacks ${missing.join(", ")}`);
    return { dir: env.PULUMI_TEST_BIN, origin: "PULUMI_TEST_BIN" };
  }
  const onPath = (env.PATH ?? "")
    .split(path.delimiter)
    .find((dir) => dir !== "" && BINARIES.every((b) => isExecutable(path.join(dir, b))));
  if (onPath) return { dir: onPath, origin: "PATH" };
  if (!fs.existsSync(path.join(shared, "SHA256SUMS"))) return undefined;
  const cache = path.join(
    env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"),
    "gitlab-ci-platform",
    "pulumi",
  );
  return { dir: unpackShared(shared, cache), origin: shared };
}

/** Unpacks every `<name>.xz` SHA256SUMS lists, once: the folder is named by the digest of the list itself. */
export function unpackShared(shared: string, cache: string): string {
  const sums = fs.readFileSync(path.join(shared, "SHA256SUMS"), "utf8");
  const dir = path.join(cache, sha256(Buffer.from(sums)).slice(0, 16));
  if (fs.existsSync(path.join(dir, ".complete"))) return dir;
  const staging = `${dir}.partial-${process.pid}`;
  fs.mkdirSync(staging, { recursive: true });
  try {
    for (const line of sums.split("\n")) {
      const entry = /^([0-9a-f]{64})\s+\*?(\S+)\.xz$/.exec(line.trim());
      if (!entry) continue;
      const [, sum, name] = entry;
      const compressed = fs.readFileSync(path.join(shared, `${name}.xz`));
      if (sha256(compressed) !== sum)
        throw new Error(`${shared}/${name}.xz: checksum does not match SHA256SUMS`);
      const binary = execFileSync("xz", ["-dc"], { input: compressed, maxBuffer: 512 * 1024 * 1024 });
      fs.writeFileSync(path.join(staging, name), binary, { mode: 0o755 });
    }
    fs.writeFileSync(path.join(staging, ".complete"), sums);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return dir;
}

export interface PulumiRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * A Pulumi setup of its own in a temporary folder — PULUMI_HOME, a `file://` backend, the passphrase secrets
 * provider — so the user's own Pulumi setup is never read or written. `remove` deletes the folder.
 */
export class PulumiSandbox {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "gitlab-ci-platform-bootstrap-"));
  private readonly env: NodeJS.ProcessEnv;

  constructor(readonly cli: PulumiCli) {
    fs.mkdirSync(path.join(this.dir, "state"));
    this.env = {
      ...Object.fromEntries(
        Object.entries(process.env).filter(([name]) => !/^(PULUMI_|NODE_OPTIONS$)/.test(name)),
      ),
      PATH: [cli.dir, path.dirname(process.execPath), process.env.PATH ?? ""].join(path.delimiter),
      PULUMI_HOME: path.join(this.dir, "home"),
      PULUMI_BACKEND_URL: `file://${path.join(this.dir, "state")}`,
      PULUMI_CONFIG_PASSPHRASE: "bootstrap-engine-test",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      // A plugin binary on the PATH would win over the installed one.
      PULUMI_IGNORE_AMBIENT_PLUGINS: "true",
      NO_COLOR: "1",
    };
  }

  /** `pulumi <args>` in `cwd`, non-interactive. */
  run(cwd: string, args: string[]): PulumiRun {
    const run = spawnSync(path.join(this.cli.dir, "pulumi"), ["--non-interactive", ...args], {
      cwd,
      env: this.env,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
  }

  /** Like run, but throws with the command's output unless it exits 0. */
  ok(cwd: string, args: string[]): PulumiRun {
    const run = this.run(cwd, args);
    if (run.code !== 0)
      throw new Error(`pulumi ${args.join(" ")} exited ${run.code}:\n${run.stdout}\n${run.stderr}`);
    return run;
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

function sha256(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
