import { DEFAULTS } from "../defaults";
import { formatPath, formatProblem, type Problem } from "../problems";
import { CONFIG_SECTION, type RunnerConfig } from "./global";
import { withRequiredFields } from "./required-fields";
import { keysBeyond, type RunnerVersion, versionNeeded } from "./runner-versions";
import { findInlineSecrets } from "./secrets";
import { modelToToml } from "./toml-tree";
import { writeToml } from "./toml-writer";
import { validateRunnerConfig } from "./validate";

/** How to render: for which runner, and the comment lines above the settings. */
export interface RenderOptions {
  /** The runner that reads the file (the stacks' pinned one unless told). */
  version?: RunnerVersion;
  /** Written first, each line as a `#` comment. */
  header?: readonly string[];
}

/**
 * Renders config.toml for the runner version. Byte-identical for equal input: keys follow the order of the key
 * tables, free-form maps are sorted, and empty tables are left out. Fields the runner requires in a table are
 * written with their neutral value (see REQUIRED_WHEN_PRESENT). Throws when the model is invalid, holds a secret
 * inline, or sets a key that version does not read.
 */
export function renderConfigToml(config: RunnerConfig, options: RenderOptions = {}): string {
  const version = options.version ?? DEFAULTS.runnerImage.version;
  const { value, problems } = validateRunnerConfig(config);
  if (!value) throw new Error(describe("config.toml cannot be rendered, the model is invalid", problems));
  const secrets = findInlineSecrets(value);
  if (secrets.length > 0) throw new Error(describe("config.toml must not contain secrets in clear", secrets));
  const complete = withRequiredFields(value, version);
  const unknown = keysBeyond(version, complete, CONFIG_SECTION, []).map(({ path, key, life }) => ({
    path: formatPath(path),
    reason: `GitLab Runner ${version} does not read ${key}`,
    fix: `leave it out, or render for GitLab Runner ${versionNeeded(life)}`,
  }));
  if (unknown.length > 0)
    throw new Error(describe(`config.toml cannot be rendered for GitLab Runner ${version}`, unknown));
  const comments = (options.header ?? []).map((line) => `# ${line}`.trimEnd() + "\n").join("");
  return `${comments}${comments ? "\n" : ""}${writeToml(modelToToml(complete, CONFIG_SECTION))}`;
}

function describe(headline: string, problems: readonly Problem[]): string {
  return [`${headline}:`, ...problems.map((p) => `  ${formatProblem(p)}`)].join("\n");
}
