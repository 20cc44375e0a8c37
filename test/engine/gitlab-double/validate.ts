import type { ObjectTypeSpec, PropertySpec } from "./schema";
import { isSecret, isUnknown } from "./wire";

export interface Failure {
  property: string;
  reason: string;
}

interface Contract {
  inputs: Record<string, PropertySpec>;
  required: string[];
}

/**
 * Every problem of a resource's or function's inputs against the schema: an unknown property, a missing required
 * one, a wrong type, a value outside an enum, pattern, length or minimum, a plain value where the schema says
 * secret. Unknown values (a preview's not-yet-computed outputs) are not checked.
 */
export function validateInputs(
  values: Record<string, unknown>,
  contract: Contract,
  types: Record<string, ObjectTypeSpec>,
): Failure[] {
  const failures: Failure[] = [];
  for (const key of Object.keys(values).sort()) {
    const spec = contract.inputs[key];
    if (!spec) failures.push({ property: key, reason: unknownProperty(key, Object.keys(contract.inputs)) });
    else failures.push(...checkValue(key, values[key], spec, types));
  }
  for (const key of contract.required)
    if (values[key] === undefined || values[key] === null)
      failures.push({ property: key, reason: `missing required property '${key}'` });
  return failures;
}

function unknownProperty(key: string, known: string[]): string {
  return `unknown property '${key}': the schema has ${known.sort().join(", ") || "no inputs"}`;
}

function checkValue(
  at: string,
  value: unknown,
  spec: PropertySpec,
  types: Record<string, ObjectTypeSpec>,
): Failure[] {
  if (value === undefined || value === null || isUnknown(value)) return [];
  if (spec.secret && !isSecret(value))
    return [{ property: at, reason: `'${at}' is a secret in the schema but arrived as a plain value` }];
  const plain = isSecret(value) ? value.value : value;
  if (isUnknown(plain)) return [];
  if (spec.$ref) return checkObject(at, plain, referenced(spec.$ref, types), types);
  const typeProblem = wrongType(plain, spec);
  if (typeProblem) return [{ property: at, reason: `'${at}' ${typeProblem}` }];
  if (spec.type === "array")
    return (plain as unknown[]).flatMap((item, i) =>
      checkValue(`${at}[${i}]`, item, { ...spec.items, enum: spec.enum, enumNote: spec.enumNote }, types),
    );
  if (spec.type === "object" && spec.additionalProperties) {
    const items = spec.additionalProperties;
    return Object.entries(plain as object).flatMap(([k, v]) => checkValue(`${at}.${k}`, v, items, types));
  }
  return constraint(at, plain, spec);
}

function referenced(ref: string, types: Record<string, ObjectTypeSpec>): ObjectTypeSpec {
  const type = types[ref.replace(/^#\/types\//, "")];
  if (!type) throw new Error(`the schema refers to ${ref}, which it does not define`);
  return type;
}

function checkObject(
  at: string,
  value: unknown,
  type: ObjectTypeSpec,
  types: Record<string, ObjectTypeSpec>,
): Failure[] {
  if (typeof value !== "object" || Array.isArray(value))
    return [{ property: at, reason: `'${at}' must be an object` }];
  const nested = validateInputs(
    value as Record<string, unknown>,
    { inputs: type.properties, required: type.required ?? [] },
    types,
  );
  return nested.map((f) => ({ property: `${at}.${f.property}`, reason: f.reason }));
}

function wrongType(value: unknown, spec: PropertySpec): string | undefined {
  switch (spec.type) {
    case undefined:
      return undefined;
    case "string":
      return typeof value === "string" ? undefined : `must be a string, not ${describe(value)}`;
    case "integer":
      return Number.isInteger(value) ? undefined : `must be an integer, not ${describe(value)}`;
    case "number":
      return typeof value === "number" ? undefined : `must be a number, not ${describe(value)}`;
    case "boolean":
      return typeof value === "boolean" ? undefined : `must be a boolean, not ${describe(value)}`;
    case "array":
      return Array.isArray(value) ? undefined : `must be an array, not ${describe(value)}`;
    case "object":
      return typeof value === "object" && !Array.isArray(value)
        ? undefined
        : `must be an object, not ${describe(value)}`;
    default: {
      const unhandled: never = spec.type;
      throw new Error(`the schema has a property type the double does not know: ${String(unhandled)}`);
    }
  }
}

function describe(value: unknown): string {
  return Array.isArray(value) ? "an array" : `${typeof value} ${JSON.stringify(value)}`;
}

function constraint(at: string, value: unknown, spec: PropertySpec): Failure[] {
  const failures: string[] = [];
  if (spec.enum && typeof value === "string") {
    const caseInsensitive = /case-insensitive/.test(spec.enumNote ?? "");
    const same = (a: string) => (caseInsensitive ? a.toLowerCase() === value.toLowerCase() : a === value);
    if (!spec.enum.some(same))
      failures.push(`must be one of ${spec.enum.join(", ")}, not ${JSON.stringify(value)}`);
  }
  if (spec.pattern && typeof value === "string" && !new RegExp(spec.pattern).test(value))
    failures.push(`must match ${spec.pattern}`);
  if (spec.maxLength !== undefined && typeof value === "string" && value.length > spec.maxLength)
    failures.push(`must be at most ${spec.maxLength} characters`);
  if (spec.minimum !== undefined && typeof value === "number" && value < spec.minimum)
    failures.push(`must be at least ${spec.minimum}`);
  return failures.map((reason) => ({ property: at, reason: `'${at}' ${reason}` }));
}
