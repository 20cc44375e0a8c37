import type { z } from "zod";
import { proseOf, readDoc } from "./markdown";

export const REFERENCE = "docs/configuration.md";

/** A row of the reference: the full key paths its first cell names (`[i]` written `[]`), and the whole row. */
export interface Row {
  keys: string[];
  text: string;
}

/** Splits a table row into cells; `\|` inside a cell is text. */
function cells(line: string): string[] {
  return line
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

const normalized = (key: string) => key.replace(/\[[a-z]\]/g, "[]");

/**
 * The rows of every table, each key prefixed with its section's (the backticked path in the heading, as in
 * "## Fleet keys (`fleets[i]`)"); the secrets' section has none.
 */
export function referenceRows(text = readDoc(REFERENCE)): Row[] {
  const rows: Row[] = [];
  let prefix = "";
  for (const line of proseOf(text).split("\n")) {
    const heading = /^#+ .*?(?:\(`([^`]+)`\))?\s*$/.exec(line);
    if (heading) prefix = heading[1] ? `${normalized(heading[1])}.` : "";
    else if (line.startsWith("| `")) {
      const first = cells(line)[0];
      const keys = [...first.matchAll(/`([^`]+)`/g)].map((m) => `${prefix}${normalized(m[1])}`);
      rows.push({ keys, text: line });
    }
  }
  return rows;
}

/** The parts of a zod definition needed to walk a schema's keys. */
interface Def {
  type: string;
  innerType?: Schema;
  element?: Schema;
  shape?: Record<string, Schema>;
  options?: Schema[];
  in?: Schema;
  left?: Schema;
  right?: Schema;
}
type Schema = { _zod: { def: Def } };

function walk(schema: Schema, prefix: string, keys: Set<string>): void {
  const def = schema._zod.def;
  const inner = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
  if (inner) return walk(inner, prefix, keys);
  const branches =
    def.type === "union" ? def.options : def.type === "intersection" ? [def.left, def.right] : [];
  for (const branch of branches ?? []) if (branch) walk(branch, prefix, keys);
  if (def.type === "array" && def.element) walk(def.element, `${prefix}[]`, keys);
  for (const [key, value] of Object.entries(def.type === "object" ? (def.shape ?? {}) : {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    keys.add(path);
    walk(value, path, keys);
  }
}

/** Every key path an object schema accepts, arrays written `[]`; a map's keys are the user's, so not walked. */
export function schemaKeys(schema: z.ZodType): Set<string> {
  const keys = new Set<string>();
  walk(schema as unknown as Schema, "", keys);
  return keys;
}
