import { ConfigValidationError } from "../../config";
import { formatProblem } from "../../model/problems";
import { findProjectRoot, StackFileError } from "../synth/project-files";
import { checkPipeline, PipelineInputError } from "./check";
import { GitlabCiLocalError } from "./gitlab-ci-local";

const USAGE = `usage: npm run pipeline:check -- --stack STACK [--pipeline FILE] [APP_DIR]
  APP_DIR     the application's repository (default: the current folder)
  --pipeline  its pipeline file (default: APP_DIR/.gitlab-ci.yml)
  Expands the pipeline (components from this repository's templates/) and checks every job against the
  stack's fleets: tags served, images and services allowed and pinned, kaniko and docker-in-docker where
  a fleet supports them.
  exit codes: 0 every job can run, 1 problems listed, 2 bad usage, stack or pipeline`;

class UsageError extends Error {}

interface CliOptions {
  stack: string;
  pipeline?: string;
  appDir: string;
}

export function parseArgs(args: string[]): CliOptions {
  const options: Partial<CliOptions> = {};
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (arg === "--stack" || arg === "--pipeline") {
      const value = args[++index];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`${arg} needs a value`);
      options[arg === "--stack" ? "stack" : "pipeline"] = value;
    } else if (arg.startsWith("--")) throw new UsageError(`unknown option ${arg}`);
    else if (options.appDir)
      throw new UsageError(`one application at a time (got ${options.appDir} and ${arg})`);
    else options.appDir = arg;
  }
  if (!options.stack) throw new UsageError("name the stack whose fleets run the pipeline: --stack STACK");
  return { stack: options.stack, pipeline: options.pipeline, appDir: options.appDir ?? process.cwd() };
}

export function main(args: string[]): number {
  try {
    const options = parseArgs(args);
    const result = checkPipeline({ root: findProjectRoot(__dirname), ...options });
    for (const problem of result.problems) console.error(formatProblem(problem));
    console.log(
      `pipeline check: stack ${options.stack}: ${result.jobs.length} job(s), ${result.problems.length} problem(s)`,
    );
    return result.problems.length ? 1 : 0;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n${USAGE}`);
      return 2;
    }
    if (
      err instanceof ConfigValidationError ||
      err instanceof StackFileError ||
      err instanceof PipelineInputError ||
      err instanceof GitlabCiLocalError
    ) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
