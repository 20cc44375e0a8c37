import * as fs from "node:fs";
import type { Sample } from "./measure";
import { writeScaleStack } from "./scale";
import { start, THIS_PROJECT } from "./startup";
import { synthStack } from "./synth-run";

/** Generated stacks: fleets and deploy targets grow together; the last two are a doubling. */
const SCALE = [
  { fleets: 10, targets: 100 },
  { fleets: 25, targets: 250 },
  { fleets: 50, targets: 500 },
];

export interface ScaleRow {
  fleets: number;
  targets: number;
  /** The program's start: registered time, resources, peak memory. */
  sample: Sample;
  /** `npm run synth` end to end: the program, then every file rendered and written. */
  wallMs: number;
}

export function scaleTable(root: string): ScaleRow[] {
  const rows = SCALE.map(({ fleets, targets }) => {
    const stack = `bench-${fleets}-test`;
    const file = writeScaleStack(root, stack, fleets, targets);
    try {
      const sample = start(root, THIS_PROJECT, stack);
      return { fleets, targets, sample, wallMs: synthStack(root, stack, () => undefined).wallMs };
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
  console.log("## Scale: generated stacks (this project's start, then `npm run synth` end to end)\n");
  console.log(
    "| fleets | deploy targets | resources | registered (ms) | peak RSS (MB) | synth wall (ms) | growth |",
  );
  console.log("|---|---|---|---|---|---|---|");
  rows.forEach((row, i) => {
    const previous = rows[i - 1];
    const growth = previous
      ? `t(${row.fleets})/t(${previous.fleets}) = ${(row.wallMs / previous.wallMs).toFixed(2)}`
      : "";
    console.log(
      `| ${row.fleets} | ${row.targets} | ${row.sample.resources} | ${row.sample.registeredMs.toFixed(0)} | ${row.sample.peakRssMb.toFixed(0)} | ${row.wallMs.toFixed(0)} | ${growth} |`,
    );
  });
  console.log("");
  return rows;
}
