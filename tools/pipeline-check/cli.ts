import { ConfigValidationError } from "../../config";
import {
  type CommandSpec,
  UsageError,
  helpText,
  parseArgs as parseCommandArgs,
  stringOption,
  usageText,
} from "../cli/args";
import { formatProblem } from "../../model/problems";
import { findProjectRoot, StackFileError } from "../synth/project-files";
import { checkPipeline, PipelineInputError } from "./check";
import { GitlabCiLocalError } from "./gitlab-ci-local";

const SPEC: CommandSpec = {
  usage: [
    "npm run pipeline:check -- --stack STACK [--pipeline FILE] [--project PATH] [--own-credentials] [APP_DIR]",
  ],
  description: [
    "Expands an application's pipeline (the CI/CD components from this repository's templates/) and checks every",
    "job against the stack's fleets: tags served, images and services allowed and pinned, kaniko and",
    "docker-in-docker where a fleet supports them, and deploy jobs' environments against the stack's deploy access.",
  ].join("\n"),
  positionals: [{ name: "APP_DIR", help: "the application's repository (default: the current folder)" }],
  tooManyArguments: "one application at a time",
  options: [
    { flag: "--stack", value: "STACK", help: "the stack whose fleets run the pipeline (required)" },
    { flag: "--pipeline", value: "FILE", help: "the pipeline file (default: APP_DIR/.gitlab-ci.yml)" },
    {
      flag: "--project",
      value: "PATH",
      help: "the application's GitLab project (path with namespace): deploy jobs need its deploy access (default: any application's)",
    },
    {
      flag: "--own-credentials",
      help: "deploy jobs bring their own credentials (the platform's own pipeline deploys with Pulumi): their environments need no deploy access of the stack",
    },
  ],
  exitCodes: ["0  every job can run", "1  problems, each listed", "2  bad usage, stack or pipeline"],
};

interface CliOptions {
  stack: string;
  pipeline?: string;
  project?: string;
  ownCredentials?: true;
  appDir: string;
  /** --help was given: print the help and exit 0. */
  help?: true;
}

export function parseArgs(args: string[]): CliOptions {
  const parsed = parseCommandArgs(SPEC, args);
  if (parsed.help) return { stack: "", appDir: "", help: true };
  const stack = stringOption(parsed, "--stack");
  if (!stack) throw new UsageError("name the stack whose fleets run the pipeline: --stack STACK");
  const project = stringOption(parsed, "--project");
  return {
    stack,
    pipeline: stringOption(parsed, "--pipeline"),
    appDir: parsed.positionals[0] ?? process.cwd(),
    ...(project === undefined ? {} : { project }),
    ...(parsed.options.has("--own-credentials") ? { ownCredentials: true as const } : {}),
  };
}

export function main(args: string[]): number {
  try {
    const options = parseArgs(args);
    if (options.help) {
      process.stdout.write(helpText(SPEC));
      return 0;
    }
    const result = checkPipeline({ root: findProjectRoot(__dirname), ...options });
    for (const problem of result.problems) console.error(formatProblem(problem));
    console.log(
      `pipeline check: stack ${options.stack}: ${result.jobs.length} job(s), ${result.problems.length} problem(s)`,
    );
    return result.problems.length ? 1 : 0;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`pipeline:check: ${err.message}\n${usageText(SPEC)}`);
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
