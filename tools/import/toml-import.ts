import { readToml } from "../../model/config-toml";
import { importConfigTable } from "./config-import";
import type { ImportResult } from "./types";

/** Imports a runner's config.toml (or a registration template such as config.template.toml). */
export function importToml(text: string): ImportResult {
  const { table, problems } = readToml(text);
  if (!table) return { stackConfig: {}, notCarried: [], problems };
  return importConfigTable(table);
}
