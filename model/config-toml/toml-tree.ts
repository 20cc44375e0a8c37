import { formatPath, type PathSegment, type Problem, unknownKey } from "../problems";

const UNKNOWN_TOML_KEY_FIX = "remove it (the runner ignores keys it does not know)";
import { fieldForTomlKey, type Section } from "./section";

export type Table = Record<string, unknown>;

export function isTable(value: unknown): value is Table {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * Model → TOML tree: renames fields to TOML keys in the order of the section's key table, sorts the keys
 * of free-form maps, and leaves out undefined values and tables that end up empty.
 */
export function modelToToml(model: Table, sec: Section): Table {
  const tree: Table = {};
  for (const field of Object.keys(sec.keys)) {
    const converted = convertField(model[field], sec.nested[field]);
    if (converted !== undefined) tree[sec.keys[field]] = converted;
  }
  return tree;
}

function convertField(value: unknown, nested: Section | undefined): unknown {
  if (value === undefined) return undefined;
  if (nested && Array.isArray(value))
    return value.map((item) => (isTable(item) ? modelToToml(item, nested) : item));
  if (nested && isTable(value)) return nonEmpty(modelToToml(value, nested));
  if (isTable(value)) return nonEmpty(sortedMap(value));
  return value;
}

function sortedMap(map: Table): Table {
  const sorted: Table = {};
  for (const key of Object.keys(map).sort()) if (map[key] !== undefined) sorted[key] = map[key];
  return sorted;
}

function nonEmpty(table: Table): Table | undefined {
  return Object.keys(table).length === 0 ? undefined : table;
}

/** Keys that are valid for the runner but not part of the model, per section path, with the reason. */
export type OutsideModel = (tomlPath: readonly PathSegment[], key: string) => string | undefined;

/**
 * TOML tree → model tree: renames TOML keys to model fields. A key that no section knows becomes a problem
 * named by its TOML path, with the closest known key as a suggestion. Values are not checked here.
 */
export function tomlToModel(
  tree: Table,
  sec: Section,
  problems: Problem[],
  outsideModel: OutsideModel,
  path: readonly PathSegment[] = [],
): Table {
  const model: Table = {};
  for (const [key, value] of Object.entries(tree)) {
    const field = fieldForTomlKey(sec, key);
    const keyPath = [...path, key];
    if (field === undefined) {
      problems.push(describeUnknownKey(keyPath, key, sec, outsideModel(path, key)));
      continue;
    }
    model[field] = readField(value, sec.nested[field], problems, outsideModel, keyPath);
  }
  return model;
}

function readField(
  value: unknown,
  nested: Section | undefined,
  problems: Problem[],
  outsideModel: OutsideModel,
  path: readonly PathSegment[],
): unknown {
  if (!nested) return value;
  if (isTable(value)) return tomlToModel(value, nested, problems, outsideModel, path);
  if (!Array.isArray(value)) return value;
  return value.map((item, index) =>
    isTable(item) ? tomlToModel(item, nested, problems, outsideModel, [...path, index]) : item,
  );
}

function describeUnknownKey(
  path: readonly PathSegment[],
  key: string,
  sec: Section,
  outsideReason: string | undefined,
): Problem {
  if (outsideReason)
    return { path: formatPath(path), reason: `"${key}" is not part of this model`, fix: outsideReason };
  return unknownKey(formatPath(path), key, Object.values(sec.keys), UNKNOWN_TOML_KEY_FIX);
}
