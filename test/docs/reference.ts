import type { z } from "zod";
import { knownKeysAt } from "../../config/schema-keys";
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

/** `fleets[i].x` and `fleets.<fleet>.x` (a list entry, a map entry by its name) are both written `fleets[].x`. */
const normalized = (key: string) => key.replace(/\[[a-z]\]/g, "[]").replace(/\.<[a-z]+>/g, "[]");

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

/**
 * Every key path an object schema accepts, arrays written `[]`, found the way the loader finds the keys it names in
 * "did you mean" (knownKeysAt): a map's keys are the user's, so only its values' keys are walked.
 */
export function schemaKeys(schema: z.ZodType): Set<string> {
  const keys = new Set<string>();
  const walk = (at: PropertyKey[], written: string) => {
    for (const key of knownKeysAt(schema, at)) {
      const path = written ? `${written}.${key}` : key;
      keys.add(path);
      walk([...at, key], path);
      walk([...at, key, 0], `${path}[]`);
    }
  };
  walk([], "");
  return keys;
}
