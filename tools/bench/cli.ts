import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/**
 * Startup benchmark: the time to load and run the whole program (offline synth of the dev stack) when
 * TypeScript is type-checked on every run (Pulumi's default), transpiled only (this project's Pulumi.yaml), or
 * precompiled with tsc. Prints a Markdown table of the median of several runs.
 */
const ROOT = path.resolve(__dirname, "../..");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

interface Mode {
  name: string;
  args: (out: string) => string[];
  env?: Record<string, string>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(args: string[], env: Record<string, string> = {}): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed:\n${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function precompile(): string {
  // Inside the repository (bin/ is ignored by git) so the compiled code resolves node_modules.
  const outDir = path.join(ROOT, "bin", "bench");
  fs.rmSync(outDir, { recursive: true, force: true });
  const tsc = require.resolve("typescript/bin/tsc");
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [tsc, "-p", ROOT, "--outDir", outDir, "--sourceMap", "false"], {
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`tsc failed:\n${result.stdout}`);
  console.error(
    `precompiled in ${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(0)} ms (done once, before \`pulumi up\`)`,
  );
  return outDir;
}

function main(): void {
  const bin = precompile();
  const synth = (out: string) => ["tools/synth/cli.ts", "--stack", "dev", "--out", out];
  const modes: Mode[] = [
    {
      name: "type-check on every run (Pulumi's default)",
      args: (o) => ["-r", "ts-node/register", ...synth(o)],
      env: { TS_NODE_TRANSPILE_ONLY: "false" },
    },
    {
      name: "transpile only (this project's Pulumi.yaml)",
      args: (o) => ["-r", "ts-node/register/transpile-only", ...synth(o)],
    },
    {
      name: "precompiled JavaScript (tsc first)",
      args: (o) => [path.join(bin, "tools/synth/cli.js"), "--stack", "dev", "--out", o],
    },
  ];
  const rows = modes.map((mode) => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "bench-out-"));
    const samples = Array.from({ length: RUNS }, () => time(mode.args(out), mode.env));
    return { mode: mode.name, median: median(samples), min: Math.min(...samples) };
  });
  console.log(`| how the program starts | median of ${RUNS} (ms) | best (ms) |`);
  console.log("|---|---|---|");
  for (const r of rows) console.log(`| ${r.mode} | ${r.median.toFixed(0)} | ${r.min.toFixed(0)} |`);
  console.log(
    `\nnode ${process.version}, ${os.cpus().length} cores; whole dev stack synthesized offline under mocks.`,
  );
}

main();
