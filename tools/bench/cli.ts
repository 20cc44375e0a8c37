import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type FootprintRow, footprint } from "./footprint-run";
import { shortUrn, weeklyChanges } from "./footprint";
import { offlineStackSettings } from "../synth/stack-config";
import { type ScaleRow, scaleTable } from "./scale-table";
import { CACHED_FLOOR, FLOOR, THIS_PROJECT, coldStart, modes, precompile, startupTable } from "./startup";
import { type SuiteRun, timeTestSuite } from "./test-suite";
import { type EngineResults, engineTables, engineTargets } from "./engine-table";
import { type CommandSpec, UsageError, helpText, parseArgs, usageText } from "../cli/args";

/**
 * `npm run bench`: how fast the program starts, side by side with the floor every Pulumi Node.js program pays and
 * with the other ways to run TypeScript, for each shipped stack; how synth time and memory grow with the stack;
 * what one-setting changes touch; how long `npm test` takes; where the engine binaries are, real `pulumi preview`
 * and `up` beside the same CLI on an empty program, and the generated stacks previewed by the engine
 * (`--skip-engine-scale` previews only the smallest); then the targets, checked. Medians of BENCH_RUNS runs
 * (default 5; BENCH_ENGINE_RUNS, default 3, for the engine) after one warm-up run.
 */
const ROOT = path.resolve(__dirname, "../..");

const SPEC: CommandSpec = {
  usage: ["npm run bench -- [--skip-engine-scale]"],
  description: [
    "Measures what users run: the program's start beside the floor every Pulumi Node.js program pays, synth's",
    "growth with the stack, what one-setting changes touch, npm test's time, and (where the engine binaries are)",
    "real pulumi preview/up beside the same CLI on an empty program; then checks the targets.",
    "BENCH_RUNS (default 5) and BENCH_ENGINE_RUNS (default 3) set how many runs each median takes.",
  ].join("\n"),
  options: [
    {
      flag: "--skip-engine-scale",
      help: "preview only the smallest generated stack with the real engine (the large ones take minutes)",
    },
  ],
  exitCodes: ["0  every target met", "1  a target missed, or a measurement failed", "2  bad usage"],
};

const RUNS = positiveInteger("BENCH_RUNS", 5);
const ENGINE_RUNS = positiveInteger("BENCH_ENGINE_RUNS", 3);

function positiveInteger(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === "") return fallback;
  const runs = Number(value);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error(`bench: ${name}=${value} is not a number of runs: set a whole number of 1 or more`);
    process.exit(2);
  }
  return runs;
}
const STACKS = ["dev", "prod"];
const FOOTPRINT_STACK = "prod";

function machine(): void {
  const engines = (
    JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { engines?: { node?: string } }
  ).engines?.node;
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  console.log(
    `# npm run bench — node ${process.version}, ${os.cpus().length} cores (${cpu}), ${os.platform()}\n`,
  );
  const minimum = Number(/>=\s*(\d+)/.exec(engines ?? "")?.[1] ?? 0);
  if (Number(process.versions.node.split(".")[0]) < minimum)
    console.log(
      `Node ${process.version} is older than this project's engines (node ${engines}): the numbers below are not those of a supported setup.\n`,
    );
}

function footprintTable(): FootprintRow[] {
  const { project, settings } = offlineStackSettings(ROOT, FOOTPRINT_STACK);
  const fleets = JSON.parse(settings.config[`${project}:fleets`]) as { name: string }[];
  const first = fleets[0].name;
  const rows = footprint(ROOT, FOOTPRINT_STACK, weeklyChanges(project, first));
  console.log(`## One-setting changes: what the ${FOOTPRINT_STACK} stack's synthesized diff touches\n`);
  console.log("| change | resources changed | which | pod templates changed |");
  console.log("|---|---|---|---|");
  for (const row of rows)
    console.log(
      `| ${row.change.what} | ${row.changed.length} | ${row.changed.map(shortUrn).join(", ")} | ${row.rolled.map(shortUrn).join(", ") || "none"} |`,
    );
  console.log("");
  return rows;
}

function suiteLine(): SuiteRun {
  const run = timeTestSuite(ROOT);
  console.log(
    `## npm test\n\n${run.ok ? "passed" : "FAILED"}: ${run.passing} tests in ${(run.wallMs / 1000).toFixed(1)} s (wall, load average ${os.loadavg()[0].toFixed(2)}).\n`,
  );
  return run;
}

interface Results {
  medians: Map<string, Map<string, number>>;
  scale: ScaleRow[];
  footprint: FootprintRow[];
  suite: SuiteRun;
  engine?: EngineResults;
}

function targets({ medians, scale, footprint: changes, suite, engine }: Results): boolean {
  const floor = medians.get(FLOOR)!.get("prod")!;
  const ours = medians.get(THIS_PROJECT.name)!.get("prod")!;
  const biggest = scale[scale.length - 1];
  const doubling = scale.find((r) => r.fleets * 2 === biggest.fleets);
  const widest = Math.max(...changes.map((r) => r.changed.length));
  const rolledByToml = changes.filter((r) => r.change.configTomlOnly && r.rolled.length > 0);
  const checks: [string, boolean, string][] = [
    ["prod start ≤ 1.3 × floor", ours <= 1.3 * floor, `${(ours / floor).toFixed(2)} ×`],
    [
      `${biggest.fleets} fleets + ${biggest.targets} deploy targets synthesized in ≤ 10 s`,
      biggest.wallMs <= 10000,
      `${biggest.wallMs.toFixed(0)} ms`,
    ],
    ["`npm test` ≤ 60 s", suite.ok && suite.wallMs <= 60000, `${(suite.wallMs / 1000).toFixed(1)} s`],
    ["a one-setting change touches ≤ 2 resources", widest <= 2, `at most ${widest}`],
    [
      "a config.toml-only change never changes a pod template",
      rolledByToml.length === 0,
      rolledByToml.map((r) => r.change.what).join(", ") || "none did",
    ],
  ];
  if (doubling) {
    const ratio = biggest.wallMs / doubling.wallMs;
    checks.splice(2, 0, [`t(${biggest.fleets})/t(${doubling.fleets}) ≤ 2.2`, ratio <= 2.2, ratio.toFixed(2)]);
  }
  if (engine) checks.push(...engineTargets(engine));
  console.log("## Targets\n");
  console.log("| target | measured | met |");
  console.log("|---|---|---|");
  for (const [what, met, measured] of checks)
    console.log(`| ${what} | ${measured} | ${met ? "yes" : "NO"} |`);
  const cached = medians.get(CACHED_FLOOR)?.get("prod");
  if (cached)
    console.log(
      `\nAgainst the floor with Node's compile cache, prod starts in ${(ours / cached).toFixed(2)} × its time.`,
    );
  console.log(
    `\nnode ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(2)}.`,
  );
  return checks.every(([, met]) => met);
}

async function main(): Promise<void> {
  let skipEngineScale: boolean;
  try {
    const parsed = parseArgs(SPEC, process.argv.slice(2));
    if (parsed.help) {
      process.stdout.write(helpText(SPEC));
      return;
    }
    skipEngineScale = parsed.options.has("--skip-engine-scale");
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`bench: ${error.message}\n${usageText(SPEC)}`);
    process.exitCode = 2;
    return;
  }
  machine();
  const all = modes(ROOT, precompile(ROOT));
  const medians = startupTable(ROOT, all, STACKS, RUNS);
  const cold = STACKS.map((stack) => `${stack} ${coldStart(ROOT, stack).toFixed(0)} ms`).join(", ");
  console.log(`\nThis project's first start after a checkout (empty transpile cache): ${cold}.\n`);
  const results = { medians, scale: scaleTable(ROOT), footprint: footprintTable(), suite: suiteLine() };
  const engine = await engineTables(ROOT, ENGINE_RUNS, skipEngineScale);
  if (!targets({ ...results, engine })) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
