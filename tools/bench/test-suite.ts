import { spawnSync } from "node:child_process";

export interface SuiteRun {
  wallMs: number;
  passing: number;
  ok: boolean;
}

/** Runs `npm test` (the README's command: every suite but the cluster one) once and times it. */
export function timeTestSuite(root: string): SuiteRun {
  const started = performance.now();
  const run = spawnSync("npm", ["test"], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - started;
  const passing = Number(/(\d+) passing/.exec(run.stdout)?.[1] ?? 0);
  return { wallMs, passing, ok: run.status === 0 };
}
