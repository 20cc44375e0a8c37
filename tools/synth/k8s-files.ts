import { RecordedResource, isSecretValue } from "./engine";
import { REDACTED, redactForReading } from "./redact";

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name?: string; namespace?: string; labels?: Record<string, string>; [k: string]: unknown };
  [key: string]: unknown;
}

/** Kubernetes objects the program declares (providers excluded), secret values and Secret data redacted. */
export function kubernetesObjects(
  resources: RecordedResource[],
): { resource: RecordedResource; object: K8sObject }[] {
  return resources
    .filter((r) => r.custom && r.type.startsWith("kubernetes:"))
    .map((resource) => ({
      resource,
      object: redactForReading(redactSecretData(resource.inputs as K8sObject)) as K8sObject,
    }));
}

/**
 * A Secret's keys stay visible (so they can be checked against secretKeyRefs); every value is redacted. A value
 * that is a JSON document (`.dockerconfigjson`) keeps its shape with every string redacted, so the file is still
 * a Secret the API server accepts.
 */
function redactSecretData(object: K8sObject): K8sObject {
  if (object.kind !== "Secret") return object;
  const redacted: K8sObject = { ...object };
  for (const field of ["data", "stringData"]) {
    const values = unwrap(object[field]) as Record<string, unknown> | undefined;
    if (values) {
      redacted[field] = Object.fromEntries(
        Object.entries(values).map(([k, v]) => [k, redactKeepingShape(unwrap(v))]),
      );
    }
  }
  return redacted;
}

function unwrap(value: unknown): unknown {
  return isSecretValue(value) ? value.value : value;
}

function redactKeepingShape(value: unknown): string {
  if (typeof value !== "string" || !/^\s*[[{]/.test(value)) return REDACTED;
  try {
    return JSON.stringify(redactStrings(JSON.parse(value)));
  } catch {
    return REDACTED;
  }
}

function redactStrings(value: unknown): unknown {
  if (typeof value === "string") return REDACTED;
  if (Array.isArray(value)) return value.map(redactStrings);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactStrings(v)]));
  }
  return value;
}

/** `k8s/<namespace or _cluster>/<kind>-<name>.yaml`. */
export function objectPath(object: K8sObject): string {
  const folder = object.metadata.namespace ?? "_cluster";
  return `k8s/${folder}/${object.kind.toLowerCase()}-${object.metadata.name ?? "unnamed"}.yaml`;
}
