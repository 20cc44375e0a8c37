import { readFileSync } from "node:fs";
import {
  type CommandSpec,
  type ParsedArgs,
  UsageError,
  helpText,
  parseArgs,
  stringOption,
  usageText,
} from "../cli/args";
import { importHelmValues } from "./helm-import";
import { EXIT_INVALID, exitCode, renderProblems, renderStackYaml } from "./output";
import { importToml } from "./toml-import";
import type { ImportResult } from "./types";

const SPEC: CommandSpec = {
  usage: ["npm run import -- --toml <config.toml>", "npm run import -- --helm <values.yaml>"],
  description: [
    "Prints the equivalent gitlab-ci-platform stack configuration as YAML (paste it under a stack file's config).",
    'Settings that cannot be carried over are listed as "# not carried over: <path>: <reason>" comments.',
  ].join("\n"),
  options: [
    { flag: "--toml", value: "FILE", help: "a runner config.toml (the Kubernetes executor's [[runners]])" },
    { flag: "--helm", value: "FILE", help: "values.yaml of the official gitlab-runner Helm chart" },
  ],
  exitCodes: [
    "0  all carried over",
    "1  some settings not carried over, each listed",
    "2  bad usage or invalid input",
  ],
};

const IMPORTERS: Record<string, (text: string) => ImportResult> = {
  "--toml": importToml,
  "--helm": importHelmValues,
};

export interface Output {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The import command: reads the file named by --toml or --helm and returns the exit status. */
export function runImport(args: readonly string[], output: Output): number {
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs(SPEC, args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    output.stderr(`import: ${error.message}\n${usageText(SPEC)}`);
    return EXIT_INVALID;
  }
  if (parsed.help) {
    output.stdout(helpText(SPEC));
    return 0;
  }
  const given = [...parsed.options.keys()];
  if (given.length !== 1) {
    const problem = given.length === 0 ? "name the file to import" : "one of --toml or --helm, not both";
    output.stderr(`import: ${problem}\n${usageText(SPEC)}`);
    return EXIT_INVALID;
  }
  const [flag] = given;
  const importer = IMPORTERS[flag];
  const file = stringOption(parsed, flag)!;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    output.stderr(`cannot read ${file}: ${(error as Error).message}\n`);
    return EXIT_INVALID;
  }
  const result = importer(text);
  if (result.problems.length > 0) output.stderr(`${file} is invalid:\n${renderProblems(result)}`);
  else output.stdout(renderStackYaml(result, file));
  return exitCode(result);
}
