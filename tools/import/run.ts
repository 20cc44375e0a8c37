import { readFileSync } from "node:fs";
import { importHelmValues } from "./helm-import";
import { EXIT_INVALID, exitCode, renderProblems, renderStackYaml } from "./output";
import { importToml } from "./toml-import";
import type { ImportResult } from "./types";

const USAGE = `usage: npm run import -- --toml <config.toml> | --helm <values.yaml>

Prints the equivalent gitlab-ci-platform stack configuration as YAML. Settings that cannot be carried
over are listed as "# not carried over: <path>: <reason>" comments.
Exit status: 0 all carried over, 1 some settings not carried over, 2 invalid input.`;

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
  const [flag, file] = args;
  const importer = flag === undefined ? undefined : IMPORTERS[flag];
  if (!importer || file === undefined || args.length !== 2) {
    output.stderr(`${USAGE}\n`);
    return EXIT_INVALID;
  }
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
