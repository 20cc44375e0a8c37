import fc from "fast-check";
import type { z } from "zod";

/**
 * fast-check arbitraries derived from the model's zod schemas, so a generated value is valid by the model's own
 * rules (formats, ranges, enums) rather than by a second, hand-written copy of them. What a schema cannot say
 * for itself (a custom check such as "compiles as a regular expression") comes from `overrides`, keyed by the
 * field's dotted camelCase path without array indices (`kubernetes.namespaceOverwriteAllowed`); an override of
 * `null` leaves the field out.
 */
export type Overrides = Readonly<Record<string, fc.Arbitrary<unknown> | null>>;

export interface DeriveOptions {
  overrides?: Overrides;
  /**
   * Every optional field present and every list non-empty (but where fields exclude each other): each sample
   * then holds every key. Otherwise each optional field is present in some samples and absent in others.
   */
  complete?: boolean;
}

interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string>;
  values?: unknown[];
}

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  value?: number;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def) => (def.checks ?? []).map((c) => c._zod.def);

const WORD = fc.string({
  unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789-"),
  minLength: 1,
  maxLength: 10,
});
/** Text with the characters config.toml must quote: spaces, quotes, backslashes, newlines, non-ASCII. */
const TEXT = fc.string({
  unit: fc.constantFrom("a", "Z", "0", " ", "-", "/", '"', "'", "\\", "\n", "é", "$"),
  maxLength: 16,
});

export function arbitraryOf(schema: z.ZodType, options: DeriveOptions = {}, at = ""): fc.Arbitrary<unknown> {
  const overrides = options.overrides ?? {};
  if (Object.hasOwn(overrides, at)) {
    const own = overrides[at];
    if (own === null) throw new Error(`${at}: left out, so it has no arbitrary`);
    return own;
  }
  const def = defOf(schema);
  const base = derived(schema, def, options, at);
  // A custom check (a refinement) says what it accepts only by running it.
  return checksOf(def).some((c) => c.check === "custom") && def.type !== "object"
    ? base.filter((value) => schema.safeParse(value).success)
    : base;
}

type Derive = (schema: z.ZodType, def: Def, options: DeriveOptions, at: string) => fc.Arbitrary<unknown>;

const inner: Derive = (_schema, def, options, at) => arbitraryOf(def.innerType!, options, at);

/** How each kind of zod schema the model uses gives its values. */
const DERIVE: Readonly<Record<string, Derive>> = {
  optional: inner,
  default: inner,
  prefault: inner,
  nullable: inner,
  pipe: (_schema, def, options, at) => arbitraryOf(def.in!, options, at),
  string: (_schema, def, _options, at) => stringOf(def, at),
  number: (_schema, def) => numberOf(def),
  boolean: () => fc.boolean(),
  enum: (_schema, def) => fc.constantFrom(...Object.values(def.entries!)),
  literal: (_schema, def) => fc.constantFrom(...def.values!),
  array: (_schema, def, options, at) => arrayOf(def, options, at),
  record: (_schema, def, options, at) =>
    fc.dictionary(
      arbitraryOf(def.keyType!, options, `${at}.<key>`) as fc.Arbitrary<string>,
      arbitraryOf(def.valueType!, options, `${at}.<value>`),
      { minKeys: 1, maxKeys: 2 },
    ),
  union: (_schema, def, options, at) =>
    fc.oneof(...def.options!.map((option) => arbitraryOf(option, options, at))),
  object: (schema, def, options, at) => objectOf(schema, def, options, at),
};

function derived(schema: z.ZodType, def: Def, options: DeriveOptions, at: string): fc.Arbitrary<unknown> {
  const derive = DERIVE[def.type];
  if (!derive) throw new Error(`${at}: no arbitrary for a zod ${def.type}; give an override`);
  return derive(schema, def, options, at);
}

function stringOf(def: Def, at: string): fc.Arbitrary<string> {
  const checks = checksOf(def);
  const format = checks.find((c) => c.check === "string_format");
  // Without a case-insensitive flag the pattern matches a subset of what it matched: still valid values.
  if (format?.pattern) {
    try {
      return fc.stringMatching(new RegExp(format.pattern.source, format.pattern.flags.replace("i", "")), {
        size: "xsmall",
      });
    } catch (error) {
      throw new Error(`${at}: ${String(error)}; give an override`, { cause: error });
    }
  }
  if (format) throw new Error(`${at}: string format ${format.format}; give an override`);
  const min = checks.find((c) => c.check === "min_length")?.minimum ?? 0;
  return min > 0 ? WORD : fc.oneof(WORD, TEXT);
}

function numberOf(def: Def): fc.Arbitrary<number> {
  const checks = checksOf(def);
  const integer = checks.some((c) => c.check === "number_format");
  const bound = (check: string) => checks.find((c) => c.check === check);
  const lower = bound("greater_than");
  const upper = bound("less_than");
  const min = lower ? lower.value! + (lower.inclusive ? 0 : 1) : -1000;
  const max = upper ? upper.value! - (upper.inclusive ? 0 : 1) : 100000;
  return integer
    ? fc.integer({ min, max })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((n) => Math.round(n * 100) / 100);
}

function arrayOf(def: Def, options: DeriveOptions, at: string): fc.Arbitrary<unknown[]> {
  const minimum = checksOf(def).find((c) => c.check === "min_length")?.minimum ?? 0;
  const minLength = options.complete ? Math.max(minimum, 1) : minimum;
  return fc.array(arbitraryOf(def.element!, options, at), { minLength, maxLength: Math.max(minLength, 2) });
}

/** Every field optional in the schema is present in some samples and absent in others. */
function objectOf(schema: z.ZodType, def: Def, options: DeriveOptions, at: string): fc.Arbitrary<unknown> {
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  // Checks across fields ("exactly one of patch and patchPath") hold for some combinations only.
  const crossField = checksOf(def).length > 0;
  for (const [field, fieldSchema] of Object.entries(def.shape!)) {
    const path = at ? `${at}.${field}` : field;
    if (options.overrides?.[path] === null) continue;
    fields[field] = arbitraryOf(fieldSchema, options, path);
    const optional = ["optional", "default", "prefault"].includes(defOf(fieldSchema).type);
    if (!optional || (options.complete && !crossField)) required.push(field);
  }
  const record = fc.record(fields, { requiredKeys: required });
  return crossField ? record.filter((value) => schema.safeParse(value).success) : record;
}
