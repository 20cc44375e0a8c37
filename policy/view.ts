/** A value the engine does not know yet (a preview of a resource whose inputs depend on another's outputs). */
export const UNKNOWN: unique symbol = Symbol("unknown at preview");
export type Unknown = typeof UNKNOWN;

/** A value Pulumi keeps encrypted in state; `plaintext` is present only where the reader could see it. */
export interface SecretValue {
  readonly secret: true;
  readonly plaintext?: unknown;
}

export type Environment = "dev" | "prod";

/** One resource as every rule sees it, whether it came from the engine or from a stack export. */
export interface ResourceView {
  type: string;
  urn: string;
  name: string;
  /** Stack name taken from the URN (`urn:pulumi:<stack>::<project>::…`). */
  stack: string;
  /** URN of the parent resource (the component that created it), when known. */
  parent?: string;
  props: Record<string, unknown>;
  /** Whether secretness survived into `props` (true for stack exports, false for engine resource policies). */
  secretsVisible: boolean;
  /** The `protect` resource option: the engine refuses to delete the resource. */
  protect?: boolean;
  /**
   * URNs of the resources this one depends on (dependsOn and inputs taken from their outputs): Pulumi creates
   * them first and deletes them last. Known to stack rules and stack exports, not to resource rules.
   */
  dependencies?: string[];
  /** The `retainOnDelete` resource option, known from a stack export only (the engine hides it from policies). */
  retainOnDelete?: boolean;
}

/** What a rule reports: the field it judged and a message that names the resource, the field and the fix. */
export interface Finding {
  field: string;
  message: string;
  /** The rule could not judge the field (unknown at preview); reported like a violation, never dropped. */
  couldNotCheck?: boolean;
}

export function isUnknown(value: unknown): value is Unknown {
  return value === UNKNOWN;
}

/** Whether a value, or anything inside it, is unknown at preview. */
export function containsUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  const record = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
  return record !== undefined && Object.values(record).some(containsUnknown);
}

export function isSecret(value: unknown): value is SecretValue {
  return typeof value === "object" && value !== null && (value as { secret?: unknown }).secret === true;
}

/** The value a rule may read: secrets unwrapped where their plaintext is visible, otherwise left as markers. */
export function reveal(value: unknown): unknown {
  return isSecret(value) && "plaintext" in value ? value.plaintext : value;
}

/** Reads a dotted path ("spec.template.spec") through objects; UNKNOWN propagates, missing gives undefined. */
export function at(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split(".").filter(Boolean)) {
    current = reveal(current);
    if (isUnknown(current)) return UNKNOWN;
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return reveal(current);
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isSecret(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** Kubernetes metadata.name (falls back to the Pulumi name, as an auto-named object would carry it). */
export function objectName(resource: ResourceView): string {
  return asString(at(resource.props, "metadata.name")) ?? resource.name;
}

export function objectNamespace(resource: ResourceView): string | undefined {
  return asString(at(resource.props, "metadata.namespace"));
}

export function label(resource: ResourceView, key: string): string | undefined {
  return asString(asRecord(at(resource.props, "metadata.labels"))?.[key]);
}

/** How a message names a resource: its Pulumi name and type. */
export function describe(resource: ResourceView): string {
  return `${resource.name} (${resource.type})`;
}

/** A field a rule needs but the engine does not know yet: reported as could not check, never passed. */
export function unknownFinding(
  resource: ResourceView,
  field: string,
  fix = "set it from values known at preview",
): Finding {
  return {
    field,
    couldNotCheck: true,
    message: `${describe(resource)}: ${field} is unknown at preview, so it could not be checked — ${fix}`,
  };
}

export function stackFromUrn(urn: string): string {
  const match = /^urn:pulumi:([^:]+)::/.exec(urn);
  return match ? match[1] : "";
}
