import * as fs from "node:fs";
import { parse } from "yaml";
import { TestStack } from "../../test/engine/harness/stack";
import {
  devShaped,
  prodShaped,
  type StackConfigValues,
  testSecrets,
} from "../../test/engine/harness/test-stacks";
import type { EngineBench } from "./engine-setup";
import { stats, type Stats } from "./measure";
import { writeScaleStack } from "./scale";

export interface EngineTimes {
  preview: Stats;
  up: Stats;
}

interface Subject {
  name: string;
  /** Its project directory (the repository, or the floor's). */
  project?: string;
  config(bench: EngineBench): StackConfigValues;
}

const SUBJECTS: Subject[] = [
  { name: "floor", project: "floor", config: () => ({}) },
  { name: "dev", config: () => devShaped() },
  { name: "prod", config: (bench) => prodShaped(bench.controlPlane) },
];

async function timed(f: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await f();
  return performance.now() - started;
}

/** A new stack: `pulumi preview` (everything to create), then `pulumi up`; destroyed and removed afterwards. */
async function previewAndUp(bench: EngineBench, subject: Subject, run: number) {
  const project = subject.project === "floor" ? bench.floorProject : undefined;
  const stack = new TestStack(bench.workspace, `${subject.name}-bench-${run}-test`, project);
  const config = subject.config(bench);
  await stack.init(config, project ? {} : testSecrets(config, bench.controlPlane.kubeconfig));
  try {
    const previewMs = await timed(() => stack.ok(["preview"]));
    const upMs = await timed(() => stack.up());
    return { previewMs, upMs };
  } finally {
    await stack.ok(["destroy", "--yes", "--skip-preview"]);
    await stack.ok(["stack", "rm", "--yes"]);
  }
}

/** Medians of `runs` new stacks each of the floor, dev and prod (after one warm-up of each). */
export async function engineTimes(bench: EngineBench, runs: number): Promise<Map<string, EngineTimes>> {
  const times = new Map<string, EngineTimes>();
  for (const subject of SUBJECTS) {
    await previewAndUp(bench, subject, 0);
    const samples = [];
    for (let run = 1; run <= runs; run++) samples.push(await previewAndUp(bench, subject, run));
    times.set(subject.name, {
      preview: stats(samples.map((s) => s.previewMs)),
      up: stats(samples.map((s) => s.upMs)),
    });
  }
  return times;
}

export interface EngineScaleRow {
  fleets: number;
  targets: number;
  resources: number;
  /** `pulumi preview` of a new stack, with PULUMI_SKIP_CHECKPOINTS=true and without. */
  skipCheckpointsMs: number;
  checkpointsMs?: number;
}

/** A generated stack previewed by the engine (a new stack: every resource a create). */
export async function previewScaleStack(
  bench: EngineBench,
  root: string,
  size: { fleets: number; targets: number },
  withCheckpoints: boolean,
): Promise<EngineScaleRow> {
  const name = `dev-scale-${size.fleets}-test`;
  const file = writeScaleStack(root, name, size.fleets, size.targets);
  const config = (parse(fs.readFileSync(file, "utf8")) as { config: StackConfigValues }).config;
  fs.rmSync(file);
  const stack = new TestStack(bench.workspace, name);
  await stack.init(config, testSecrets(config, bench.controlPlane.kubeconfig));
  try {
    const skip = { PULUMI_SKIP_CHECKPOINTS: "true" };
    let resources = 0;
    const skipCheckpointsMs = await timed(async () => {
      const preview = await stack.previewJson([], skip);
      resources = preview.steps?.length ?? 0;
    });
    const checkpointsMs = withCheckpoints ? await timed(() => stack.ok(["preview"])) : undefined;
    return { ...size, resources, skipCheckpointsMs, checkpointsMs };
  } finally {
    await stack.ok(["stack", "rm", "--yes", "--force"]);
  }
}
