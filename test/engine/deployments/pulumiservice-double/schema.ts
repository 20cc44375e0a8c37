import { readFileSync } from "node:fs";
import { join } from "node:path";

/** A property as the provider's schema declares it (the subset kept in pulumiservice-schema.json). */
export interface PropertySpec {
  type?: "string" | "integer" | "number" | "boolean" | "array" | "object";
  $ref?: string;
  items?: PropertySpec;
  additionalProperties?: PropertySpec;
}

interface ObjectSpec {
  properties?: Record<string, PropertySpec>;
  required?: string[];
  type?: string;
}

export interface ProviderSchema {
  source: { repository: string; tag: string; commit: string };
  resources: Record<string, { inputProperties: Record<string, PropertySpec>; requiredInputs: string[] }>;
  types: Record<string, ObjectSpec>;
}

export interface Failure {
  property: string;
  reason: string;
}

export function loadSchema(): ProviderSchema {
  return JSON.parse(readFileSync(join(__dirname, "pulumiservice-schema.json"), "utf8")) as ProviderSchema;
}

/** The engine's marker of a secret value inside a property map. */
const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** The value inside a secret marker (recursively), so the schema sees what the provider would. */
export function reveal(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reveal);
  if (typeof value !== "object" || value === null) return value;
  const record = value as Record<string, unknown>;
  if (SECRET_SIG_KEY in record) return reveal(record.value);
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, reveal(v)]));
}

/**
 * Every way `inputs` depart from the resource's schema: a property it does not declare, a required one missing,
 * a value of the wrong type. Values unknown at preview pass.
 */
export function schemaFailures(schema: ProviderSchema, type: string, inputs: unknown): Failure[] {
  const resource = schema.resources[type];
  if (!resource) return [{ property: "", reason: `${type} is not a resource of the schema` }];
  return objectFailures(
    schema,
    { properties: resource.inputProperties, required: resource.requiredInputs },
    reveal(inputs),
    "",
  );
}

function objectFailures(schema: ProviderSchema, spec: ObjectSpec, value: unknown, at: string): Failure[] {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return [{ property: at, reason: "must be an object" }];
  const record = value as Record<string, unknown>;
  const properties = spec.properties ?? {};
  const unknown = Object.keys(record)
    .filter((key) => !(key in properties))
    .map((key) => ({ property: join2(at, key), reason: "is not a property of the schema" }));
  const missing = (spec.required ?? [])
    .filter((key) => record[key] === undefined)
    .map((key) => ({ property: join2(at, key), reason: "is required" }));
  const invalid = Object.entries(record)
    .filter(([key, v]) => key in properties && v !== undefined && v !== null)
    .flatMap(([key, v]) => valueFailures(schema, properties[key], v, join2(at, key)));
  return [...unknown, ...missing, ...invalid];
}

function valueFailures(schema: ProviderSchema, spec: PropertySpec, value: unknown, at: string): Failure[] {
  if (value === UNKNOWN) return [];
  if (spec.$ref) {
    if (!spec.$ref.startsWith("#/types/")) return [];
    return objectFailures(schema, schema.types[spec.$ref.slice("#/types/".length)], value, at);
  }
  switch (spec.type) {
    case "array":
      return Array.isArray(value)
        ? value.flatMap((item, i) => valueFailures(schema, spec.items ?? {}, item, `${at}[${i}]`))
        : [{ property: at, reason: "must be an array" }];
    case "object":
      return typeof value === "object" && !Array.isArray(value)
        ? Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
            valueFailures(schema, spec.additionalProperties ?? {}, v, join2(at, k)),
          )
        : [{ property: at, reason: "must be an object" }];
    case "integer":
      return Number.isInteger(value) ? [] : [{ property: at, reason: "must be an integer" }];
    case "string":
    case "number":
    case "boolean":
      return typeof value === spec.type ? [] : [{ property: at, reason: `must be a ${spec.type}` }];
    case undefined:
      return [];
    default: {
      const unhandled: never = spec.type;
      return unhandled;
    }
  }
}

const join2 = (at: string, key: string) => (at ? `${at}.${key}` : key);
