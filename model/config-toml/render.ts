import { CONFIG_SECTION, type RunnerConfig } from "./global";
import { formatProblem, type Problem } from "../problems";
import { findInlineSecrets } from "./secrets";
import { modelToToml } from "./toml-tree";
import { writeToml } from "./toml-writer";
import { validateRunnerConfig } from "./validate";

/**
 * Renders config.toml, after `header` lines as comments. Byte-identical for equal input: keys follow the order of
 * the key tables, free-form maps are sorted, and empty tables are left out. Throws when the model is invalid or
 * holds a secret inline.
 */
export function renderConfigToml(config: RunnerConfig, header: readonly string[] = []): string {
  const { value, problems } = validateRunnerConfig(config);
  if (!value) throw new Error(describe("config.toml cannot be rendered, the model is invalid", problems));
  const secrets = findInlineSecrets(value);
  if (secrets.length > 0) throw new Error(describe("config.toml must not contain secrets in clear", secrets));
  const comments = header.map((line) => `# ${line}`.trimEnd() + "\n").join("");
  return `${comments}${comments ? "\n" : ""}${writeToml(modelToToml(value, CONFIG_SECTION))}`;
}

function describe(headline: string, problems: readonly Problem[]): string {
  return [`${headline}:`, ...problems.map((p) => `  ${formatProblem(p)}`)].join("\n");
}
