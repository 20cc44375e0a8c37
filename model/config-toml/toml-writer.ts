import { isTable, type Table } from "./toml-tree";

/**
 * A small TOML writer for the rendered config.toml. @iarna/toml's stringify groups integer digits
 * (`1_800`), escapes only the first unusual control character of a string and indents nested tables
 * irregularly; this writer emits plain integers, escapes every control character and indents each table
 * by its depth, as the runner's own writer does. Keys keep the order of the tree they are given.
 */
export function writeToml(tree: Table): string {
  return writeTable(tree, [], 0).join("\n").replace(/^\n+/, "") + "\n";
}

/** A table's keys at `depth` (the number of headers written above it), then its sub-tables. */
function writeTable(table: Table, path: readonly string[], depth: number): string[] {
  const indent = "  ".repeat(depth);
  const lines: string[] = [];
  const children: [string, Table | Table[]][] = [];
  for (const [key, value] of Object.entries(table)) {
    if (isTable(value) || isArrayOfTables(value)) children.push([key, value]);
    else lines.push(`${indent}${writeKey(key)} = ${writeValue(value)}`);
  }
  for (const [key, value] of children) lines.push(...writeChild([...path, key], value, depth));
  return lines;
}

/** A sub-table's header at its parent's depth, its keys one deeper. */
function writeChild(path: readonly string[], value: Table | Table[], depth: number): string[] {
  const indent = "  ".repeat(depth);
  const header = path.map(writeKey).join(".");
  if (!Array.isArray(value)) {
    // A table holding only sub-tables needs no header of its own (TOML creates it implicitly), and so no level
    // of indentation: its sub-tables line up with its siblings instead of under the table written before them.
    const needsHeader = Object.values(value).some((v) => !isTable(v) && !isArrayOfTables(v));
    return needsHeader
      ? ["", `${indent}[${header}]`, ...writeTable(value, path, depth + 1)]
      : writeTable(value, path, depth);
  }
  return value.flatMap((item) => ["", `${indent}[[${header}]]`, ...writeTable(item, path, depth + 1)]);
}

function isArrayOfTables(value: unknown): value is Table[] {
  return Array.isArray(value) && value.length > 0 && value.every(isTable);
}

function writeKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : basicString(key);
}

function writeValue(value: unknown): string {
  if (typeof value === "string") return writeString(value);
  if (typeof value === "number") return writeNumber(value);
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(writeValue).join(", ")}]`;
  throw new Error(`cannot write ${typeof value} as a TOML value`);
}

function writeNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`cannot write ${value} in config.toml`);
  return Number.isInteger(value) ? value.toFixed(0) : String(value);
}

/** Scripts and pod spec patches stay readable: literal strings wherever nothing needs escaping. */
function writeString(value: string): string {
  const literalBlockSafe =
    value.includes("\n") &&
    !value.includes("'''") &&
    !value.endsWith("'") &&
    [...value].every((c) => c === "\n" || c === "\t" || !isControlCharacter(c));
  if (literalBlockSafe) return `'''\n${value}'''`;
  const literalSafe = value.includes('"') && !value.includes("'") && ![...value].some(isControlCharacter);
  return literalSafe ? `'${value}'` : basicString(value);
}

const ESCAPES: Record<string, string> = {
  "\b": "\\b",
  "\t": "\\t",
  "\n": "\\n",
  "\f": "\\f",
  "\r": "\\r",
  '"': '\\"',
  "\\": "\\\\",
};

function isControlCharacter(c: string): boolean {
  const code = c.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}

function basicString(value: string): string {
  const escaped = [...value]
    .map((c) => ESCAPES[c] ?? (isControlCharacter(c) ? unicodeEscape(c) : c))
    .join("");
  return `"${escaped}"`;
}

function unicodeEscape(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
}
