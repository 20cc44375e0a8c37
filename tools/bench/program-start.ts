import { PROGRAM_MODULE, runProgram } from "../synth/engine";

/**
 * One measured start of the program, started the way `pulumi up` starts it: the CLI reads the stack's files and
 * hands the language host the configuration in PULUMI_CONFIG and PULUMI_CONFIG_SECRET_KEYS; the host loads
 * @pulumi/pulumi and requires index.ts. Here the engine answering the registrations is synth's mock runtime.
 * Prints, as JSON, the time from process start until every resource is registered, the resource count and the
 * peak memory. `node <loader> tools/bench/program-start.ts <project> <stack>`, with the environment from
 * programLaunch().
 */
async function main(): Promise<void> {
  const [project, stack] = process.argv.slice(2);
  if (!project || !stack) throw new Error("usage: program-start.ts <project> <stack>");
  const run = await runProgram({
    project,
    stack,
    config: JSON.parse(process.env.PULUMI_CONFIG ?? "{}") as Record<string, string>,
    secretKeys: JSON.parse(process.env.PULUMI_CONFIG_SECRET_KEYS ?? "[]") as string[],
    program: PROGRAM_MODULE,
  });
  const registeredMs = performance.now();
  console.log(
    JSON.stringify({
      registeredMs,
      resources: run.resources.length,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
