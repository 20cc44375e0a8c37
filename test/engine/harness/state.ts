import type { PreviewJson, StateResource } from "./stack";

/** A Kubernetes object the stack's state says it created. */
export interface StateObject {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

const isKubernetesObject = (r: StateResource) =>
  r.type.startsWith("kubernetes:") && !r.type.startsWith("pulumi:");

export function kubeObjectsOf(resources: StateResource[]): StateObject[] {
  return resources.filter(isKubernetesObject).map((r) => {
    const out = r.outputs as {
      apiVersion: string;
      kind: string;
      metadata: { name: string; namespace?: string };
    };
    return {
      apiVersion: out.apiVersion,
      kind: out.kind,
      name: out.metadata.name,
      namespace: out.metadata.namespace,
    };
  });
}

/** The resource of a type and logical name (the last part of its URN). */
export function resourceNamed(resources: StateResource[], type: string, name: string): StateResource {
  const found = resources.find((r) => r.type === type && r.urn.endsWith(`::${name}`));
  if (!found) throw new Error(`the state has no ${type} ${name}`);
  return found;
}

/** `<type's last segment> <logical name>`, as the benchmark names resources. */
export function shortName(urn: string): string {
  const [, , types, name] = urn.split("::");
  return `${types.split("$").pop()?.split(":").pop()} ${name}`;
}

/** Every step of a preview that changes something, as `op <short name>`, sorted; the stack itself left out. */
export function plannedChanges(preview: PreviewJson): string[] {
  return (preview.steps ?? [])
    .filter((s) => s.op !== "same" && !s.urn.includes("::pulumi:pulumi:Stack::"))
    .map((s) => `${s.op} ${shortName(s.urn)}`)
    .sort();
}
