import { spawnSync } from "node:child_process";

export interface Sample {
  /** Process start → every resource registered (for the floor: → @pulumi/pulumi loaded). */
  registeredMs: number;
  resources: number;
  peakRssMb: number;
}

export interface Stats {
  median: number;
  min: number;
  max: number;
}

/** Runs `node <args>` in `cwd` and reads the JSON line the measured script prints last. */
export function sample(cwd: string, args: string[], env: Record<string, string> = {}): Sample {
  const run = spawnSync(process.execPath, args, { cwd, encoding: "utf8", env: { ...process.env, ...env } });
  if (run.status !== 0) throw new Error(`node ${args.join(" ")} failed (${run.status}):\n${run.stderr}`);
  const last = run.stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(last) as Sample;
}

export function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
}

export function formatStats(s: Stats): string {
  return `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
}
