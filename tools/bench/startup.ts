import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as nodeModule from "node:module";
import * as path from "node:path";
import { type Sample, formatStats, sample, stats } from "./measure";
import { programLaunch } from "./program-environment";

const PROGRAM = "tools/bench/program-start.ts";
const CACHE = path.join("node_modules", ".cache", "gitlab-ci-platform");

export interface Mode {
  name: string;
  /** Node's arguments; the launch's project and stack follow, except for a floor. */
  args: string[];
  env?: Record<string, string>;
  /** A floor loads only the SDK: it takes no stack. */
  floor?: true;
}

export const FLOOR = "floor: node + require('@pulumi/pulumi')";
export const CACHED_FLOOR = "floor with Node's compile cache (NODE_COMPILE_CACHE)";
const FLOOR_SCRIPT = "tools/bench/floor.js";
/** How Pulumi.yaml's nodeargs start the program. */
export const THIS_PROJECT: Mode = {
  name: "this project (Pulumi.yaml nodeargs: tools/typescript/register.js)",
  args: ["-r", "./tools/typescript/register.js", PROGRAM],
};

/** Whether this Node keeps compiled code on disk (22.1 and later): register.js turns it on where it can. */
export const compileCacheAvailable = "enableCompileCache" in nodeModule;

export function modes(root: string, precompiled: string): Mode[] {
  const floor: Mode = { name: FLOOR, args: [FLOOR_SCRIPT], floor: true };
  // The same floor with the cache this project's loader turns on, so the program's own cost is visible too.
  const cachedFloor: Mode = {
    name: CACHED_FLOOR,
    args: [FLOOR_SCRIPT],
    floor: true,
    env: { NODE_COMPILE_CACHE: path.join(root, CACHE, "bench-floor-v8") },
  };
  return [
    floor,
    ...(compileCacheAvailable ? [cachedFloor] : []),
    THIS_PROJECT,
    {
      name: "type-check on every run (Pulumi's default, ts-node)",
      args: ["-r", "ts-node/register", PROGRAM],
      env: { TS_NODE_TRANSPILE_ONLY: "false" },
    },
    {
      name: "precompiled JavaScript (tsc before every run)",
      args: [path.join(precompiled, PROGRAM.replace(/\.ts$/, ".js"))],
    },
  ];
}

/** Compiles the whole project with tsc into bin/bench, as a "build before every run" setup would. */
export function precompile(root: string): string {
  const outDir = path.join(root, "bin", "bench");
  fs.rmSync(outDir, { recursive: true, force: true });
  const started = performance.now();
  const tsc = require.resolve("typescript/bin/tsc");
  const run = spawnSync(process.execPath, [tsc, "-p", root, "--outDir", outDir, "--sourceMap", "false"], {
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`tsc failed:\n${run.stdout}`);
  console.log(`precompiling with tsc took ${(performance.now() - started).toFixed(0)} ms\n`);
  return outDir;
}

/** One start of a mode for a stack (a floor ignores the stack). */
export function start(root: string, mode: Mode, stack: string): Sample {
  if (mode.floor) return sample(root, mode.args, mode.env);
  const launch = programLaunch(root, stack);
  return sample(root, [...mode.args, ...launch.args], { ...launch.env, ...mode.env });
}

/** Medians of `runs` starts after one warm-up run (caches and the file system, as on a second `pulumi up`). */
export function startupTable(root: string, all: Mode[], stacks: string[], runs: number) {
  const medians = new Map<string, Map<string, number>>();
  console.log(
    `## Program start: process start → every resource registered (ms, median (min–max) of ${runs})\n`,
  );
  console.log(
    `| how the program starts | ${stacks.join(" | ")} | ${stacks.map((s) => `${s} × floor`).join(" | ")} |`,
  );
  console.log(`|---|${stacks.map(() => "---").join("|")}|${stacks.map(() => "---").join("|")}|`);
  for (const mode of all) {
    const byStack = new Map(
      stacks.map((stack) => {
        start(root, mode, stack);
        const samples = Array.from({ length: runs }, () => start(root, mode, stack));
        return [stack, stats(samples.map((s) => s.registeredMs))] as const;
      }),
    );
    medians.set(mode.name, new Map([...byStack].map(([stack, s]) => [stack, s.median])));
    const floor = medians.get(FLOOR)!;
    const cells = stacks.map((stack) => formatStats(byStack.get(stack)!));
    const ratios = stacks.map((stack) => (byStack.get(stack)!.median / floor.get(stack)!).toFixed(2));
    console.log(`| ${mode.name} | ${cells.join(" | ")} | ${ratios.join(" | ")} |`);
  }
  return medians;
}

/** The first start after a checkout: this project's transpile cache (and Node's compile cache, if any) is empty. */
export function coldStart(root: string, stack: string): number {
  fs.rmSync(path.join(root, CACHE), { recursive: true, force: true });
  return start(root, THIS_PROJECT, stack).registeredMs;
}
