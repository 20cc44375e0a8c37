import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/** A user's own promtool, used before the one on the PATH. */
export const PROMTOOL_ENV = "PROMTOOL";
/** Set (CI sets it) to fail instead of skipping where no promtool is found. */
export const REQUIRED_ENV = "PROMTOOL_TESTS_REQUIRED";

export const MISSING_PROMTOOL_MESSAGE = [
  "promtool tests skipped: no promtool on the PATH.",
  "Install Prometheus' tools (Debian and Ubuntu: sudo apt-get install prometheus) or set",
  `${PROMTOOL_ENV} to a promtool executable; ${REQUIRED_ENV}=1 turns this skip into a failure.`,
].join("\n  ");

/** PROMTOOL first, else `promtool` on the PATH; undefined when neither exists. */
export function locatePromtool(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const own = env[PROMTOOL_ENV];
  if (own) {
    if (!fs.existsSync(own)) throw new Error(`${PROMTOOL_ENV}=${own} does not exist`);
    return path.resolve(own);
  }
  for (const dir of (env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, "promtool");
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

let located: { path?: string } | undefined;
let reported = false;

/** promtool for a suite's `before` hook: skips the suite with the message above, or fails when it is required. */
export function promtoolOrSkip(ctx: Mocha.Context): string {
  located ??= { path: locatePromtool() };
  if (located.path) return located.path;
  if (process.env[REQUIRED_ENV]) throw new Error(`${REQUIRED_ENV} is set: ${MISSING_PROMTOOL_MESSAGE}`);
  if (!reported) console.log(`\n  ${MISSING_PROMTOOL_MESSAGE}\n`);
  reported = true;
  ctx.skip();
}

/** Runs promtool in `cwd`; returns its exit status and everything it printed. */
export function promtool(
  binary: string,
  args: string[],
  cwd: string,
): { status: number | null; output: string } {
  const result = spawnSync(binary, args, { cwd, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}${result.error?.message ?? ""}` };
}
