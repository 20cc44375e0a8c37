import { ResourceView, SecretValue, UNKNOWN, stackFromUrn } from "./view";

/** Pulumi's signature key and value marking a secret in serialized state (`pulumi stack export`). */
const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/**
 * The engine's sentinels for values unknown during preview (pulumi-policy `proxy.ts`). Resource policies receive
 * them behind a proxy that throws on access; the pack reads the proxy's target and turns them into UNKNOWN.
 */
const UNKNOWN_SENTINELS = new Set([
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  "030794c1-ac77-496b-92df-f27374a8bd58",
  "e48ece36-62e2-4504-bad9-02848725956a",
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);

function decodePlaintext(plaintext: unknown): unknown {
  if (typeof plaintext !== "string") return plaintext;
  try {
    return JSON.parse(plaintext);
  } catch {
    return plaintext;
  }
}

/** A stack export value with secrets as SecretValue markers (plaintext kept only when the export shows it). */
export function fromExportValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromExportValue);
  if (typeof value !== "object" || value === null) return value;
  const record = value as Record<string, unknown>;
  if (record[SECRET_SIG_KEY] === SECRET_SIG) {
    const marker: SecretValue =
      "plaintext" in record
        ? { secret: true, plaintext: fromExportValue(decodePlaintext(record.plaintext)) }
        : { secret: true };
    return marker;
  }
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, fromExportValue(item)]));
}

/** An engine value with its unknown sentinels turned into UNKNOWN. */
export function fromEngineValue(value: unknown): unknown {
  if (typeof value === "string" && UNKNOWN_SENTINELS.has(value)) return UNKNOWN;
  if (Array.isArray(value)) return value.map(fromEngineValue);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fromEngineValue(item)]));
}

/** The name at the end of a URN (`…::name`). */
export function nameFromUrn(urn: string): string {
  const index = urn.lastIndexOf("::");
  return index >= 0 ? urn.slice(index + 2) : urn;
}

export interface ExportedResource {
  urn: string;
  type: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  parent?: string;
  protect?: boolean;
  dependencies?: string[];
  retainOnDelete?: boolean;
}

const STACK_TYPE = "pulumi:pulumi:Stack";

/**
 * One exported resource as a view: inputs, as resource policies see them, except for the stack itself whose
 * outputs are what the stack exports.
 */
export function viewFromExport(resource: ExportedResource): ResourceView {
  const raw = resource.type === STACK_TYPE ? resource.outputs : (resource.inputs ?? resource.outputs);
  return {
    type: resource.type,
    urn: resource.urn,
    name: nameFromUrn(resource.urn),
    stack: stackFromUrn(resource.urn),
    ...(resource.parent ? { parent: resource.parent } : {}),
    props: (fromExportValue(raw ?? {}) as Record<string, unknown>) ?? {},
    secretsVisible: true,
    protect: resource.protect === true,
    dependencies: resource.dependencies ?? [],
    retainOnDelete: resource.retainOnDelete === true,
  };
}

/** Where the engine's unknown-checking proxy exposes the object it wraps (pulumi-policy `proxy.ts`). */
const PROXY_TARGET = "__getSpecialProxyTarget";

export interface EngineResource {
  type: string;
  urn: string;
  name: string;
  props: Record<string, unknown>;
  parent?: { urn: string };
  opts?: { protect?: boolean };
  /** Present on the resources a stack policy receives. */
  dependencies?: Array<{ urn: string }>;
}

/** One engine resource (resource or stack policy arguments) as a view, without tripping the unknown proxy. */
export function viewFromEngine(resource: EngineResource): ResourceView {
  const target = (resource.props as Record<string, unknown>)[PROXY_TARGET] ?? resource.props;
  return {
    type: resource.type,
    urn: resource.urn,
    name: resource.name,
    stack: stackFromUrn(resource.urn),
    ...(resource.parent ? { parent: resource.parent.urn } : {}),
    props: fromEngineValue(target) as Record<string, unknown>,
    secretsVisible: false,
    protect: resource.opts?.protect === true,
    ...(resource.dependencies ? { dependencies: resource.dependencies.map((d) => d.urn) } : {}),
  };
}

export { STACK_TYPE };
