import type { KeyTable } from "./primitives";

/**
 * How one TOML table of config.toml maps to its camelCase model: `keys` names the TOML key of every field,
 * `nested` gives the section of each field that holds a table or an array of tables. Fields that are
 * neither (scalars, lists of scalars, free-form maps such as pod labels) are copied as they are.
 */
export interface Section {
  readonly keys: Readonly<Record<string, string>>;
  readonly nested: Readonly<Record<string, Section>>;
}

export function section<T>(keys: KeyTable<T>, nested: { readonly [K in keyof T]?: Section } = {}): Section {
  return { keys: withoutPrototype(keys), nested: withoutPrototype(nested as Record<string, Section>) };
}

/** Lookups by keys read from a file ("constructor", "toString") must not reach Object.prototype. */
export function withoutPrototype<T>(record: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, record));
}

export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function fieldForTomlKey(sec: Section, tomlKey: string): string | undefined {
  return Object.keys(sec.keys).find((field) => sec.keys[field] === tomlKey);
}
