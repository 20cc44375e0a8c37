import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");

export interface SynthRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Relative path → content of every file written. */
  files: Map<string, string>;
}

/**
 * The environment synth runs in: this process's, without the Alibaba Cloud variables a developer's shell may
 * carry (they choose the provider's identity, which the tests assert), plus `env`.
 */
function synthEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([name]) => !name.startsWith("ALIBABA_CLOUD_"));
  return { ...Object.fromEntries(inherited), ...env };
}

/** Runs `npm run synth`'s entry point in a child process (the program keeps global runtime state). */
export function runSynth(
  stack: string,
  root = ROOT,
  extraArgs: string[] = [],
  env: NodeJS.ProcessEnv = {},
): SynthRun {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), `synth-${stack}-`));
  const result = spawnSync(
    process.execPath,
    [
      "-r",
      "./tools/typescript/register.js",
      path.join(root, "tools/synth/cli.ts"),
      "--stack",
      stack,
      "--out",
      outDir,
      ...extraArgs,
    ],
    { cwd: root, encoding: "utf8", env: synthEnvironment(env) },
  );
  const files = readTree(outDir);
  fs.rmSync(outDir, { recursive: true, force: true });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, files };
}

export function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!fs.existsSync(dir)) return files;
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else files.set(rel.split(path.sep).join("/"), fs.readFileSync(path.join(dir, rel), "utf8"));
    }
  };
  walk("");
  return files;
}

/** Every Pulumi.<stack>.yaml in the repository. */
export function stackNames(root = ROOT): string[] {
  return fs
    .readdirSync(root)
    .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
}

/** Synth runs are shared across test files: each stack is synthesized once per test process. */
const cache = new Map<string, SynthRun>();
export function synthOnce(stack: string): SynthRun {
  let run = cache.get(stack);
  if (!run) {
    run = runSynth(stack);
    cache.set(stack, run);
  }
  return run;
}
