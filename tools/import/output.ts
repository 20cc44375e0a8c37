import YAML from "yaml";
import { formatProblem } from "../../model/problems";
import type { ImportResult } from "./types";

export const EXIT_CARRIED = 0;
export const EXIT_NOT_CARRIED = 1;
export const EXIT_INVALID = 2;

export function exitCode(result: ImportResult): number {
  if (result.problems.length > 0) return EXIT_INVALID;
  return result.notCarried.length > 0 ? EXIT_NOT_CARRIED : EXIT_CARRIED;
}

/**
 * The stack configuration as a `config:` block of Pulumi.<stack>.yaml, followed by YAML comments naming
 * everything that was not carried over, so the whole output stays pasteable.
 */
export function renderStackYaml(result: ImportResult, source: string): string {
  const header = [
    `# Imported from ${source}. Paste into Pulumi.<stack>.yaml (merge with an existing config: block).`,
    "# Then say who owns the runners (gitlab-ci-platform:gitlab.group, or a scope per fleet), set the secrets",
    "# (pulumi config set --secret gitlabToken ...) and check the result with npm run synth -- --stack <stack>.",
    "",
  ].join("\n");
  const body = YAML.stringify({ config: result.stackConfig }, { lineWidth: 0 });
  const losses = result.notCarried.map((loss) => `# not carried over: ${loss.path}: ${loss.reason}\n`);
  return header + body + losses.join("");
}

export function renderProblems(result: ImportResult): string {
  return result.problems.map((problem) => `${formatProblem(problem)}\n`).join("");
}
