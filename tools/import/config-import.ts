import { readConfigTable, runnerConfigTemplateSchema, type Table, tomlPathOf } from "../../model/config-toml";
import { formatPath, type PathSegment } from "../../model/problems";
import { buildStackConfig, type FleetExtras } from "./fleet";
import { pruneConfigTable } from "./prune";
import type { ImportResult, NotCarried } from "./types";

/** Names a config.toml path in the report; the Helm importer names chart values instead where they came from. */
export type NameTomlPath = (tomlPath: string) => string;

const asIs: NameTomlPath = (tomlPath) => tomlPath;

/** Imports a parsed config.toml (or registration template) table into the stack configuration. */
export function importConfigTable(
  table: Table,
  extras: FleetExtras = {},
  name: NameTomlPath = asIs,
): ImportResult {
  const notCarried: NotCarried[] = [];
  const pruned = pruneConfigTable(table, {
    notCarried,
    describe: (path: readonly PathSegment[]) => name(formatPath(path)),
  });
  const { config, problems } = readConfigTable(pruned, runnerConfigTemplateSchema);
  if (!config) {
    return { stackConfig: {}, notCarried, problems: problems.map((p) => ({ ...p, path: name(p.path) })) };
  }
  const built = buildStackConfig(config, extras, (path) => name(tomlPathOf(path)));
  return { stackConfig: built.stackConfig, notCarried: [...notCarried, ...built.notCarried], problems: [] };
}
