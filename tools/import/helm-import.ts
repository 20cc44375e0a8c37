import { isDeepStrictEqual } from "node:util";
import YAML from "yaml";
import { isTable, readToml, type Table } from "../../model/config-toml";
import { formatPath, type PathSegment, type Problem } from "../../model/problems";
import { importConfigTable } from "./config-import";
import { chartPathOf, type HelmContext, newHelmContext } from "./helm-context";
import { stripGoTemplates, TEMPLATE_PATH } from "./helm-template";
import { walkHelmValues } from "./helm-values";
import type { ImportResult } from "./types";

const IN_TEMPLATE = `${TEMPLATE_PATH}: `;

/**
 * Imports the values.yaml of the official gitlab-runner Helm chart: the chart's values and its
 * `runners.config` template are merged the way `gitlab-runner register` merges them (options win).
 */
export function importHelmValues(text: string): ImportResult {
  const { values, problems: yamlProblems } = readYaml(text);
  if (!values) return { stackConfig: {}, notCarried: [], problems: yamlProblems };
  const ctx = newHelmContext();
  walkHelmValues(values, ctx);
  const template = ctx.template === undefined ? {} : readTemplate(ctx.template, ctx);
  mergeOptionsOverTemplate(template, ctx.tree, [], ctx);
  const imported = importConfigTable(template, ctx.extras, (path) => chartPathOf(ctx, path, IN_TEMPLATE));
  const problems = [...ctx.problems, ...imported.problems];
  const notCarried = [...ctx.notCarried, ...imported.notCarried];
  return { stackConfig: problems.length > 0 ? {} : imported.stackConfig, notCarried, problems };
}

function readYaml(text: string): { values?: Table; problems: Problem[] } {
  const document = YAML.parseDocument(text);
  if (document.errors.length > 0) return { problems: document.errors.map(yamlProblem) };
  const values: unknown = document.toJS() ?? {};
  if (isTable(values)) return { values, problems: [] };
  return { problems: [{ path: "(top level)", reason: "expected a map of chart values" }] };
}

function yamlProblem(error: YAML.YAMLError): Problem {
  const position = error.linePos?.[0];
  const path = position ? `line ${position.line}, column ${position.col}` : "(document)";
  return { path, reason: `YAML syntax error: ${error.message.split("\n")[0]}`, fix: "fix the YAML syntax" };
}

function readTemplate(template: string, ctx: HelmContext): Table {
  const { toml, dropped } = stripGoTemplates(template);
  ctx.notCarried.push(...dropped);
  const { table, problems } = readToml(toml);
  ctx.problems.push(...problems.map((p) => ({ ...p, path: `${TEMPLATE_PATH} ${p.path}` })));
  return table ?? {};
}

/** Chart options are register options, which take priority over the template; a value they replace is listed. */
function mergeOptionsOverTemplate(
  template: Table,
  options: Table,
  path: readonly PathSegment[],
  ctx: HelmContext,
) {
  for (const [key, option] of Object.entries(options)) {
    const keyPath = [...path, key];
    const current = template[key];
    if (isTable(option) && isTable(current)) mergeOptionsOverTemplate(current, option, keyPath, ctx);
    else if (Array.isArray(option) && Array.isArray(current) && key === "runners")
      mergeRunners(current, option, ctx);
    else {
      if (current !== undefined && !isDeepStrictEqual(current, option)) reportOverride(keyPath, ctx);
      template[key] = option;
    }
  }
}

function mergeRunners(templateRunners: unknown[], optionRunners: unknown[], ctx: HelmContext) {
  optionRunners.forEach((option, index) => {
    const current = templateRunners[index];
    if (isTable(option) && isTable(current))
      mergeOptionsOverTemplate(current, option, ["runners", index], ctx);
    else templateRunners[index] = option;
  });
}

function reportOverride(path: readonly PathSegment[], ctx: HelmContext) {
  const tomlPath = formatPath(path);
  const by = chartPathOf(ctx, tomlPath, IN_TEMPLATE);
  ctx.notCarried.push({
    path: IN_TEMPLATE + tomlPath,
    reason: `replaced by ${by}: gitlab-runner register gives its options priority over the template`,
  });
}
