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

/** A Secret's keys stay visible (so they can be checked against secretKeyRefs); every value is redacted. */
function redactSecretData(object: K8sObject): K8sObject {
  if (object.kind !== "Secret") return object;
  const redacted: K8sObject = { ...object };
  for (const field of ["data", "stringData"]) {
    const raw = object[field];
    const values = (isSecretValue(raw) ? raw.value : raw) as Record<string, unknown> | undefined;
    if (values) redacted[field] = Object.fromEntries(Object.keys(values).map((k) => [k, REDACTED]));
  }
  return redacted;
}

/** `k8s/<namespace or _cluster>/<kind>-<name>.yaml`. */
export function objectPath(object: K8sObject): string {
  const folder = object.metadata.namespace ?? "_cluster";
  return `k8s/${folder}/${object.kind.toLowerCase()}-${object.metadata.name ?? "unnamed"}.yaml`;
}
