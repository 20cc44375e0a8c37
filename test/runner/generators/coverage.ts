import {
  CONFIG_SECTION,
  fieldForTomlKey,
  isTable,
  type Section,
  type Table,
} from "../../../model/config-toml";

/** The config.toml keys a model value sets, named as the runner version table names them (no array indices). */
export function presentKeys(value: Table, section: Section = CONFIG_SECTION, prefix = ""): Set<string> {
  const keys = new Set<string>();
  for (const [field, key] of Object.entries(section.keys)) {
    const fieldValue = value[field];
    if (fieldValue === undefined) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    keys.add(path);
    const nested = section.nested[field];
    if (!nested) continue;
    const items = Array.isArray(fieldValue) ? fieldValue : [fieldValue];
    for (const item of items)
      if (isTable(item)) for (const inner of presentKeys(item, nested, path)) keys.add(inner);
  }
  return keys;
}

/** The keys of a section that hold a table or a list of tables. */
export function tableKeys(section: Section = CONFIG_SECTION, prefix = ""): string[] {
  return Object.entries(section.nested).flatMap(([field, nested]) => {
    const path = prefix ? `${prefix}.${section.keys[field]}` : section.keys[field];
    return [path, ...tableKeys(nested, path)];
  });
}

/** The keys a parsed config.toml holds, named as the version table names them. */
export function renderedKeys(tree: Table, section: Section = CONFIG_SECTION, prefix = ""): Set<string> {
  const keys = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const field = fieldForTomlKey(section, key);
    const path = prefix ? `${prefix}.${key}` : key;
    keys.add(path);
    const nested = field === undefined ? undefined : section.nested[field];
    if (!nested) continue;
    for (const item of Array.isArray(value) ? value : [value])
      if (isTable(item)) for (const inner of renderedKeys(item, nested, path)) keys.add(inner);
  }
  return keys;
}
