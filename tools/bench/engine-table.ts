import { startEngineBench } from "./engine-setup";
import { type EngineScaleRow, type EngineTimes, engineTimes, previewScaleStack } from "./engine-run";
import { formatStats } from "./measure";

/** The generated stacks the engine previews: the last two are a doubling. */
const ENGINE_SCALE = [
  { fleets: 10, targets: 100 },
  { fleets: 25, targets: 250 },
  { fleets: 50, targets: 500 },
];

export interface EngineResults {
  times: Map<string, EngineTimes>;
  scale: EngineScaleRow[];
}

function timesTable(times: Map<string, EngineTimes>, runs: number): void {
  const floor = times.get("floor")!;
  console.log(
    `## Real engine: new stack, \`pulumi preview\` then \`pulumi up\` (ms, median (min–max) of ${runs}; file backend)\n`,
  );
  console.log("| program | preview | up | preview × floor | up × floor |");
  console.log("|---|---|---|---|---|");
  for (const [name, t] of times)
    console.log(
      `| ${name === "floor" ? "floor: a program that registers nothing" : name} | ${formatStats(t.preview)} | ${formatStats(t.up)} | ${(t.preview.median / floor.preview.median).toFixed(2)} | ${(t.up.median / floor.up.median).toFixed(2)} |`,
    );
  console.log("");
}

function scaleTable(rows: EngineScaleRow[]): void {
  console.log("## Real engine: generated stacks previewed (a new stack, every resource a create)\n");
  console.log(
    "| fleets | deploy targets | resources | preview, PULUMI_SKIP_CHECKPOINTS=true (ms) | preview, per-step checkpoints (ms) | growth |",
  );
  console.log("|---|---|---|---|---|---|");
  rows.forEach((row, i) => {
    const previous = rows[i - 1];
    const growth = previous
      ? `t(${row.fleets})/t(${previous.fleets}) = ${(row.skipCheckpointsMs / previous.skipCheckpointsMs).toFixed(2)}`
      : "";
    console.log(
      `| ${row.fleets} | ${row.targets} | ${row.resources} | ${row.skipCheckpointsMs.toFixed(0)} | ${row.checkpointsMs?.toFixed(0) ?? "not measured"} | ${growth} |`,
    );
  });
  console.log("");
}

/**
 * The engine rows: the floor, dev and prod previewed and applied as new stacks, then the generated stacks
 * previewed (all but the smallest skipped with `skipScale`). Undefined, with the reason printed, where the
 * binaries are missing.
 */
export async function engineTables(
  root: string,
  runs: number,
  skipScale: boolean,
): Promise<EngineResults | undefined> {
  const bench = await startEngineBench(root);
  if (typeof bench === "string") {
    console.log(`## Real engine\n\nNot measured: ${bench}.\n`);
    return undefined;
  }
  try {
    const times = await engineTimes(bench, runs);
    timesTable(times, runs);
    const sizes = skipScale ? ENGINE_SCALE.slice(0, 1) : ENGINE_SCALE;
    const scale: EngineScaleRow[] = [];
    for (const [i, size] of sizes.entries()) scale.push(await previewScaleStack(bench, root, size, i === 0));
    scaleTable(scale);
    return { times, scale };
  } finally {
    await bench.close();
  }
}

/** The engine's targets: [what, met, measured]. */
export function engineTargets({ times, scale }: EngineResults): [string, boolean, string][] {
  const ratio = times.get("dev")!.preview.median / times.get("floor")!.preview.median;
  const checks: [string, boolean, string][] = [
    ["dev `pulumi preview` ≤ 1.5 × the floor's", ratio <= 1.5, `${ratio.toFixed(2)} ×`],
  ];
  const biggest = scale[scale.length - 1];
  const half = scale.find((r) => r.fleets * 2 === biggest.fleets);
  if (biggest.fleets === ENGINE_SCALE[ENGINE_SCALE.length - 1].fleets) {
    checks.push([
      `${biggest.fleets}/${biggest.targets} previewed in ≤ 60 s (PULUMI_SKIP_CHECKPOINTS)`,
      biggest.skipCheckpointsMs <= 60000,
      `${(biggest.skipCheckpointsMs / 1000).toFixed(1)} s`,
    ]);
  }
  if (half) {
    const growth = biggest.skipCheckpointsMs / half.skipCheckpointsMs;
    checks.push([
      `engine preview t(${biggest.fleets})/t(${half.fleets}) ≤ 2.2`,
      growth <= 2.2,
      growth.toFixed(2),
    ]);
  }
  return checks;
}
