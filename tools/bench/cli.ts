import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type Sample, formatStats, sample, stats } from "./measure";
import { writeScaleStack } from "./scale";

/**
 * `npm run bench`: how fast the program starts, side by side with the floor every Pulumi Node.js program pays and
 * with the other ways to run TypeScript, for each shipped stack; then how synth time and memory grow with the
 * number of fleets; then the targets, checked. Medians of BENCH_RUNS runs (default 5) after one warm-up run.
 */
const ROOT = path.resolve(__dirname, "../..");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const STACKS = ["dev", "prod"];
/** Generated stacks: fleets and deploy targets grow together; the last two are a doubling. */
const SCALE = [
  { fleets: 10, targets: 100 },
  { fleets: 25, targets: 250 },
  { fleets: 50, targets: 500 },
];
const PROGRAM = "tools/bench/program-start.ts";

interface Mode {
  name: string;
  args: (stack: string) => string[];
  env?: Record<string, string>;
}

function modes(precompiled: string): Mode[] {
  return [
    { name: "floor: node + require('@pulumi/pulumi')", args: () => ["tools/bench/floor.js"] },
    {
      name: "this project (Pulumi.yaml nodeargs: tools/typescript/register.js)",
      args: (stack) => ["-r", "./tools/typescript/register.js", PROGRAM, stack],
    },
    {
      name: "type-check on every run (Pulumi's default, ts-node)",
      args: (stack) => ["-r", "ts-node/register", PROGRAM, stack],
      env: { TS_NODE_TRANSPILE_ONLY: "false" },
    },
    {
      name: "precompiled JavaScript (tsc before every run)",
      args: (stack) => [path.join(precompiled, "tools/bench/program-start.js"), stack],
    },
  ];
}

function precompile(): string {
  const outDir = path.join(ROOT, "bin", "bench");
  fs.rmSync(outDir, { recursive: true, force: true });
  const started = performance.now();
  const tsc = require.resolve("typescript/bin/tsc");
  const run = spawnSync(process.execPath, [tsc, "-p", ROOT, "--outDir", outDir, "--sourceMap", "false"], {
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`tsc failed:\n${run.stdout}`);
  console.log(`precompiling with tsc took ${(performance.now() - started).toFixed(0)} ms\n`);
  return outDir;
}

function runs(mode: Mode, stack: string): Sample[] {
  sample(ROOT, mode.args(stack), mode.env); // warm-up: caches and the file system, as on a second `pulumi up`
  return Array.from({ length: RUNS }, () => sample(ROOT, mode.args(stack), mode.env));
}

/** The first start after a checkout: this project's transpile cache (and Node's compile cache, if any) is empty. */
function coldStart(stack: string): number {
  fs.rmSync(path.join(ROOT, "node_modules", ".cache", "gitlab-ci-platform"), {
    recursive: true,
    force: true,
  });
  return sample(ROOT, ["-r", "./tools/typescript/register.js", PROGRAM, stack]).registeredMs;
}

function startupTable(all: Mode[]): Map<string, Map<string, number>> {
  const medians = new Map<string, Map<string, number>>();
  console.log(
    `## Program start: process start → every resource registered (ms, median (min–max) of ${RUNS})\n`,
  );
  console.log(
    `| how the program starts | ${STACKS.join(" | ")} | ${STACKS.map((s) => `${s} × floor`).join(" | ")} |`,
  );
  console.log(`|---|${STACKS.map(() => "---").join("|")}|${STACKS.map(() => "---").join("|")}|`);
  for (const mode of all) {
    const byStack = new Map(
      STACKS.map((stack) => [stack, stats(runs(mode, stack).map((s) => s.registeredMs))]),
    );
    medians.set(mode.name, new Map([...byStack].map(([stack, s]) => [stack, s.median])));
    const floor = medians.get(all[0].name)!;
    const cells = STACKS.map((stack) => formatStats(byStack.get(stack)!));
    const ratios = STACKS.map((stack) => (byStack.get(stack)!.median / floor.get(stack)!).toFixed(2));
    console.log(`| ${mode.name} | ${cells.join(" | ")} | ${ratios.join(" | ")} |`);
  }
  const cold = STACKS.map((stack) => `${stack} ${coldStart(stack).toFixed(0)} ms`).join(", ");
  console.log(`\nThis project's first start after a checkout (empty transpile cache): ${cold}.\n`);
  return medians;
}

interface ScaleRow {
  fleets: number;
  targets: number;
  sample: Sample;
  wallMs: number;
}

function scaleTable(): ScaleRow[] {
  const rows: ScaleRow[] = [];
  for (const { fleets, targets } of SCALE) {
    const stack = `bench-${fleets}-test`;
    const file = writeScaleStack(ROOT, stack, fleets, targets);
    try {
      const started = performance.now();
      const result = sample(ROOT, ["-r", "./tools/typescript/register.js", PROGRAM, stack]);
      rows.push({ fleets, targets, sample: result, wallMs: performance.now() - started });
    } finally {
      fs.rmSync(file, { force: true });
    }
  }
  console.log("## Scale: generated stacks, one synth each (this project's start)\n");
  console.log(
    "| fleets | deploy targets | resources | registered (ms) | synth wall (ms) | peak RSS (MB) | growth |",
  );
  console.log("|---|---|---|---|---|---|---|");
  rows.forEach((row, i) => {
    const previous = rows[i - 1];
    const growth = previous
      ? `t(${row.fleets})/t(${previous.fleets}) = ${(row.wallMs / previous.wallMs).toFixed(2)}`
      : "";
    console.log(
      `| ${row.fleets} | ${row.targets} | ${row.sample.resources} | ${row.sample.registeredMs.toFixed(0)} | ${row.wallMs.toFixed(0)} | ${row.sample.peakRssMb.toFixed(0)} | ${growth} |`,
    );
  });
  console.log("");
  return rows;
}

function targets(medians: Map<string, Map<string, number>>, all: Mode[], scale: ScaleRow[]): void {
  const floor = medians.get(all[0].name)!.get("prod")!;
  const ours = medians.get(all[1].name)!.get("prod")!;
  const biggest = scale[scale.length - 1];
  const doubling = scale.find((r) => r.fleets * 2 === biggest.fleets);
  const checks: [string, boolean, string][] = [
    ["prod start ≤ 1.3 × floor", ours <= 1.3 * floor, `${(ours / floor).toFixed(2)} ×`],
    [
      `${biggest.fleets} fleets + ${biggest.targets} deploy targets synthesized in ≤ 10 s`,
      biggest.wallMs <= 10000,
      `${biggest.wallMs.toFixed(0)} ms`,
    ],
  ];
  if (doubling) {
    const ratio = biggest.wallMs / doubling.wallMs;
    checks.push([`t(${biggest.fleets})/t(${doubling.fleets}) ≤ 2.2`, ratio <= 2.2, ratio.toFixed(2)]);
  }
  console.log("## Targets\n");
  console.log("| target | measured | met |");
  console.log("|---|---|---|");
  for (const [what, met, measured] of checks)
    console.log(`| ${what} | ${measured} | ${met ? "yes" : "NO"} |`);
  console.log(
    `\nnode ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(2)}.`,
  );
}

function main(): void {
  const all = modes(precompile());
  const medians = startupTable(all);
  targets(medians, all, scaleTable());
}

main();
