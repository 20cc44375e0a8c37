import type TOML from "@iarna/toml";
import type { z } from "zod";
import {
  CONFIG_SECTION,
  GLOBAL_KEYS_OUTSIDE_MODEL,
  type RunnerConfig,
  type RunnerConfigTemplate,
  runnerConfigSchema,
  runnerConfigTemplateSchema,
} from "./global";
import { type PathSegment, type Problem, problemsFromZod } from "../problems";
import { RUNNER_KEYS_OUTSIDE_MODEL } from "./runner-entry";
import { ownValue } from "./section";
import { tomlPathOf } from "./toml-path";
import { type OutsideModel, type Table, tomlToModel } from "./toml-tree";

export interface ParseResult {
  config?: RunnerConfig;
  problems: Problem[];
}

export interface TemplateParseResult {
  config?: RunnerConfigTemplate;
  problems: Problem[];
}

interface TomlSyntaxError {
  line: number;
  col: number;
  message: string;
}

/**
 * The TOML parser, loaded on first use: the program renders config.toml and never reads one, and loading the
 * parser took about 10 ms of every start.
 */
function tomlParser(): typeof TOML {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("@iarna/toml") as typeof TOML;
}

/** Reads TOML text; a syntax error becomes a problem naming its line and column. */
export function readToml(text: string): { table?: Table; problems: Problem[] } {
  try {
    return { table: tomlParser().parse(text) as Table, problems: [] };
  } catch (error) {
    const { line, col, message } = error as TomlSyntaxError;
    const firstLine = String(message)
      .split("\n")[0]
      .replace(/ at row \d+, col \d+, pos \d+:$/, "");
    return {
      problems: [
        {
          path: `line ${line + 1}, column ${col + 1}`,
          reason: `TOML syntax error: ${firstLine}`,
          fix: "fix the TOML syntax",
        },
      ],
    };
  }
}

/** Parses config.toml into the model. Problems name TOML paths such as `runners[0].kubernetes.cpu_limits`. */
export function parseConfigToml(text: string): ParseResult {
  const { table, problems } = readToml(text);
  if (!table) return { problems };
  return readConfigTable(table, runnerConfigSchema);
}

/** Like parseConfigToml, for a registration template whose runners may lack url, token and executor. */
export function parseConfigTemplateToml(text: string): TemplateParseResult {
  const { table, problems } = readToml(text);
  if (!table) return { problems };
  return readConfigTable(table, runnerConfigTemplateSchema);
}

export function readConfigTable<S extends z.ZodType>(
  table: Table,
  schema: S,
): { config?: z.infer<S>; problems: Problem[] } {
  const problems: Problem[] = [];
  const model = tomlToModel(table, CONFIG_SECTION, problems, keyOutsideModel);
  const result = schema.safeParse(model, { reportInput: true });
  if (!result.success) problems.push(...problemsFromZod(result.error.issues, { namePath: tomlPathOf }));
  return problems.length === 0 && result.success ? { config: result.data, problems } : { problems };
}

export const keyOutsideModel: OutsideModel = (path, key) => {
  if (path.length === 0) return ownValue(GLOBAL_KEYS_OUTSIDE_MODEL, key);
  if (path.length === 2 && path[0] === "runners" && isRunnerIndex(path[1]))
    return ownValue(RUNNER_KEYS_OUTSIDE_MODEL, key);
  return undefined;
};

function isRunnerIndex(segment: PathSegment): boolean {
  return typeof segment === "number";
}
