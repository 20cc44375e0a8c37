import { readFileSync, writeFileSync } from "node:fs";
import { AnalysisInputError, analyzeStackExport } from "../../policy/analyze";
import { PolicyConfigFile, engineConfigFor } from "../../policy/pack-config";
import { RULES } from "../../policy/rules";
import { formatMarkdown, formatText } from "../../policy/report";
import { Environment } from "../../policy/view";

const USAGE = `usage: npm run policy:analyze -- FILE.json [--config policy-config.json] [--environment dev|prod]
                                [--markdown SUMMARY.md] [--json]
       npm run policy:analyze -- --engine-config dev|prod   (print the engine's config for one environment)
  FILE.json   a \`pulumi stack export\` (or synth's out/<stack>/stack.json)
  exit codes: 0 no mandatory violation, 1 mandatory violation(s), 2 bad usage or input`;

class UsageError extends Error {}

interface CliOptions {
  file?: string;
  engineConfig?: Environment;
  config?: string;
  environment?: Environment;
  markdown?: string;
  json: boolean;
}

function valueAfter(args: string[], index: number, flag: string): string {
  const value = args[index + 1];
  if (value === undefined || value.startsWith("--")) throw new UsageError(`${flag} needs a value`);
  return value;
}

export function parseArgs(args: string[]): CliOptions {
  const options: Partial<CliOptions> = { json: false };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (arg === "--json") options.json = true;
    else if (arg === "--config") options.config = valueAfter(args, index++, arg);
    else if (arg === "--markdown") options.markdown = valueAfter(args, index++, arg);
    else if (arg === "--environment")
      options.environment = environmentArg(valueAfter(args, index++, arg), arg);
    else if (arg === "--engine-config")
      options.engineConfig = environmentArg(valueAfter(args, index++, arg), arg);
    else if (arg.startsWith("--")) throw new UsageError(`unknown option ${arg}`);
    else if (options.file)
      throw new UsageError(`one stack export at a time (got ${options.file} and ${arg})`);
    else options.file = arg;
  }
  if (!options.file && !options.engineConfig) throw new UsageError("name the stack export to analyze");
  return options as CliOptions;
}

function environmentArg(value: string, flag: string): Environment {
  if (value !== "dev" && value !== "prod")
    throw new UsageError(`${flag} must be dev or prod, not "${value}"`);
  return value;
}

function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new AnalysisInputError(
      `cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AnalysisInputError(`${what} ${path} is not JSON: ${(error as Error).message}`);
  }
}

/** Runs the CLI and returns its exit code. */
export function main(args: string[]): number {
  try {
    const options = parseArgs(args);
    if (options.engineConfig) {
      process.stdout.write(JSON.stringify(engineConfigFor(options.engineConfig, RULES), null, 2) + "\n");
      return 0;
    }
    const config = options.config
      ? (readJson(options.config, "policy config") as PolicyConfigFile)
      : undefined;
    const analysis = analyzeStackExport(readJson(options.file ?? "", "stack export"), {
      ...(config ? { config } : {}),
      ...(options.environment ? { environment: options.environment } : {}),
    });
    process.stdout.write(options.json ? JSON.stringify(analysis, null, 2) + "\n" : formatText(analysis));
    if (options.markdown) writeFileSync(options.markdown, formatMarkdown(analysis));
    return analysis.mandatory > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`policy: ${error.message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof AnalysisInputError) {
      console.error(`policy: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
