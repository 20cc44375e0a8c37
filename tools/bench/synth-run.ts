import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** Runs `npm run synth -- --stack <stack>` into a temporary folder, reads what it needs from it, and times it. */
export function synthStack<T>(
  root: string,
  stack: string,
  read: (outDir: string) => T,
): { wallMs: number; result: T } {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "bench-synth-"));
  try {
    const started = performance.now();
    const run = spawnSync(
      process.execPath,
      ["-r", "./tools/typescript/register.js", "tools/synth/cli.ts", "--stack", stack, "--out", out],
      { cwd: root, encoding: "utf8" },
    );
    const wallMs = performance.now() - started;
    if (run.status !== 0) throw new Error(`synth --stack ${stack} failed (${run.status}):\n${run.stderr}`);
    return { wallMs, result: read(out) };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
