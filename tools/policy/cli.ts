import { readFileSync, writeFileSync } from "node:fs";
import { AnalysisInputError, analyzeStackExport } from "../../policy/analyze";
import {
  type CommandSpec,
  UsageError,
  helpText,
  parseArgs as parseCommandArgs,
  stringOption,
  usageText,
} from "../cli/args";
import { PolicyConfigFile, engineConfigFor } from "../../policy/pack-config";
import { RULES } from "../../policy/rules";
import { formatMarkdown, formatText } from "../../policy/report";
import { Environment } from "../../policy/view";

const SPEC: CommandSpec = {
  usage: [
    "npm run policy:analyze -- FILE.json [--config POLICY.json] [--environment dev|prod] [--markdown FILE.md] [--json]",
    "npm run policy:analyze -- --engine-config dev|prod",
  ],
  description: [
    "Runs the policy pack over a stack export and prints every violation, mandatory first; or prints the",
    "configuration `pulumi preview --policy-pack-config` takes for one environment.",
  ].join("\n"),
  positionals: [{ name: "FILE.json", help: "a `pulumi stack export` (or synth's out/<stack>/stack.json)" }],
  tooManyArguments: "one stack export at a time",
  options: [
    {
      flag: "--config",
      value: "POLICY.json",
      help: "the pack's configuration (enforcement levels per policy)",
    },
    {
      flag: "--environment",
      value: "dev|prod",
      help: "the profile to judge by (default: from the stack's name)",
    },
    {
      flag: "--markdown",
      value: "FILE.md",
      help: "also write the report as Markdown (a merge-request comment)",
    },
    { flag: "--json", help: "print the analysis as JSON" },
    {
      flag: "--engine-config",
      value: "dev|prod",
      help: "print the engine's policy config for one environment",
    },
  ],
  exitCodes: ["0  no mandatory violation", "1  mandatory violation(s)", "2  bad usage or input"],
};

interface CliOptions {
  file?: string;
  engineConfig?: Environment;
  config?: string;
  environment?: Environment;
  markdown?: string;
  json: boolean;
  help: boolean;
}

export function parseArgs(args: string[]): CliOptions {
  const parsed = parseCommandArgs(SPEC, args);
  const environment = stringOption(parsed, "--environment");
  const engineConfig = stringOption(parsed, "--engine-config");
  const options: CliOptions = {
    file: parsed.positionals[0],
    config: stringOption(parsed, "--config"),
    markdown: stringOption(parsed, "--markdown"),
    json: parsed.options.has("--json"),
    environment: environment === undefined ? undefined : environmentArg(environment, "--environment"),
    engineConfig: engineConfig === undefined ? undefined : environmentArg(engineConfig, "--engine-config"),
    help: parsed.help,
  };
  if (!options.help && !options.file && !options.engineConfig)
    throw new UsageError("name the stack export to analyze: FILE.json");
  return options;
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
    if (options.help) {
      process.stdout.write(helpText(SPEC));
      return 0;
    }
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
      console.error(`policy: ${error.message}\n${usageText(SPEC)}`);
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
