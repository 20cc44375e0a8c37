import { clone, describeObject, isRecord, KubeObject } from "./objects";

/**
 * Stacks name fixed namespaces (gitlab-runner, ci-dev…). To give each test its own namespace set in the one
 * cluster, every namespace is renamed `<prefix>-<name>`. Only fields that name a namespace are rewritten;
 * `assertNoOriginalNames` then proves no other reference to an old name was left behind.
 */
export class NamespaceMap {
  private readonly names: Map<string, string>;

  constructor(
    readonly prefix: string,
    originals: Iterable<string>,
  ) {
    this.names = new Map([...originals].map((name) => [name, `${prefix}-${name}`]));
    for (const renamed of this.names.values()) {
      if (renamed.length > 63) throw new Error(`namespace ${renamed} is longer than 63 characters`);
    }
  }

  static forObjects(prefix: string, objects: KubeObject[]): NamespaceMap {
    return new NamespaceMap(prefix, namespacesOf(objects));
  }

  /** The renamed namespace; names outside the stack (default, kube-system) are kept. */
  map(name: string): string {
    return this.names.get(name) ?? name;
  }

  all(): string[] {
    return [...this.names.values()];
  }

  apply(objects: KubeObject[]): KubeObject[] {
    const clusterRoles = new Set(objects.filter((o) => o.kind === "ClusterRole").map((o) => o.metadata.name));
    const renamed = objects.map((object) => this.rename(object, clusterRoles));
    this.assertNoOriginalNames(renamed);
    return renamed;
  }

  /**
   * A cluster-scoped RBAC object of the stack is the stack's alone: with the prefix in its name, two prefixes of one
   * stack (each with its own namespaces) do not overwrite each other's ClusterRoleBinding.
   */
  private renameClusterRbac(copy: KubeObject, clusterRoles: Set<string>): void {
    if (copy.kind === "ClusterRole" || copy.kind === "ClusterRoleBinding")
      copy.metadata.name = `${this.prefix}-${copy.metadata.name}`;
    const roleRef = isRecord(copy.roleRef) ? copy.roleRef : undefined;
    if (
      copy.kind === "ClusterRoleBinding" &&
      roleRef?.kind === "ClusterRole" &&
      clusterRoles.has(String(roleRef.name))
    )
      roleRef.name = `${this.prefix}-${String(roleRef.name)}`;
  }

  private rename(object: KubeObject, clusterRoles: Set<string>): KubeObject {
    const copy = clone(object);
    this.renameClusterRbac(copy, clusterRoles);
    if (copy.kind === "Namespace" && copy.apiVersion === "v1")
      copy.metadata.name = this.map(copy.metadata.name);
    if (copy.metadata.namespace) copy.metadata.namespace = this.map(copy.metadata.namespace);
    // A PersistentVolume pre-bound to its claim names the claim's namespace.
    const claimRef = isRecord(copy.spec) && isRecord(copy.spec.claimRef) ? copy.spec.claimRef : undefined;
    if (claimRef && typeof claimRef.namespace === "string") claimRef.namespace = this.map(claimRef.namespace);
    if (copy.kind === "PrometheusRule") this.renameInRules(copy);
    if (Array.isArray(copy.subjects)) {
      for (const subject of copy.subjects) {
        if (isRecord(subject) && typeof subject.namespace === "string")
          subject.namespace = this.map(subject.namespace);
      }
    }
    return copy;
  }

  /** A PrometheusRule's alerts select their series by the manager namespace, and carry it as a label. */
  private renameInRules(rule: KubeObject): void {
    const groups = isRecord(rule.spec) && Array.isArray(rule.spec.groups) ? rule.spec.groups : [];
    for (const group of groups) {
      for (const entry of isRecord(group) && Array.isArray(group.rules) ? group.rules : []) {
        if (!isRecord(entry)) continue;
        if (isRecord(entry.labels) && typeof entry.labels.namespace === "string")
          entry.labels.namespace = this.map(entry.labels.namespace);
        if (typeof entry.expr === "string")
          entry.expr = entry.expr.replace(
            /namespace="([^"]+)"/g,
            (_, ns: string) => `namespace="${this.map(ns)}"`,
          );
      }
    }
  }

  private assertNoOriginalNames(objects: KubeObject[]): void {
    for (const object of objects) {
      const left = namespaceReferences(object, "").filter((s) => this.names.has(s));
      if (left.length > 0) {
        throw new Error(
          `${describeObject(object)} still names namespace ${left.join(", ")}: teach NamespaceMap that field`,
        );
      }
    }
  }
}

export function namespacesOf(objects: KubeObject[]): Set<string> {
  const names = new Set<string>();
  for (const object of objects) {
    if (object.kind === "Namespace") names.add(object.metadata.name);
    if (object.metadata.namespace) names.add(object.metadata.namespace);
  }
  return names;
}

/** Strings held under a key that names namespaces (namespace, namespaceSelector.matchNames, …). */
function namespaceReferences(value: unknown, key: string): string[] {
  const names = NAMESPACE_KEY.test(key);
  if (typeof value === "string") return names ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => namespaceReferences(item, names ? key : ""));
  if (isRecord(value)) return Object.entries(value).flatMap(([k, v]) => namespaceReferences(v, k));
  return [];
}

const NAMESPACE_KEY = /namespace|^matchNames$|^kubernetes\.io\/metadata\.name$/i;
