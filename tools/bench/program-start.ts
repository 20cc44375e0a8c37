import { findProjectRoot } from "../synth/project-files";
import { synthesize } from "../synth/synth";

/**
 * One measured start of the program: runs it under the mock runtime for a stack and prints, as JSON, the time
 * from process start until every resource is registered (the program's own work, before synth renders files),
 * the resource count and the peak memory. `node <loader> tools/bench/program-start.ts <stack>`.
 */
async function main(): Promise<void> {
  const stack = process.argv[2];
  if (!stack) throw new Error("usage: program-start.ts <stack>");
  const root = findProjectRoot(__dirname);
  const result = await synthesize(root, stack, () => {
    registeredAt = performance.now();
  });
  console.log(
    JSON.stringify({
      registeredMs: registeredAt,
      totalMs: performance.now(),
      resources: result.run.resources.length,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

let registeredAt = 0;

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
