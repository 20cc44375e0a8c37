import type { PolicyRule } from "../fleet/rbac";

/** What an application may deploy, by kind. */
export const DEPLOYABLE_KINDS = {
  Deployment: { apiGroup: "apps", resource: "deployments" },
  StatefulSet: { apiGroup: "apps", resource: "statefulsets" },
  Service: { apiGroup: "", resource: "services" },
  ConfigMap: { apiGroup: "", resource: "configmaps" },
  Secret: { apiGroup: "", resource: "secrets" },
  PersistentVolumeClaim: { apiGroup: "", resource: "persistentvolumeclaims" },
  Ingress: { apiGroup: "networking.k8s.io", resource: "ingresses" },
  NetworkPolicy: { apiGroup: "networking.k8s.io", resource: "networkpolicies" },
  Job: { apiGroup: "batch", resource: "jobs" },
  CronJob: { apiGroup: "batch", resource: "cronjobs" },
  HorizontalPodAutoscaler: { apiGroup: "autoscaling", resource: "horizontalpodautoscalers" },
  PodDisruptionBudget: { apiGroup: "policy", resource: "poddisruptionbudgets" },
} as const;

export type DeployableKind = keyof typeof DEPLOYABLE_KINDS;
export const DEPLOYABLE_KIND_NAMES = Object.keys(DEPLOYABLE_KINDS) as DeployableKind[];

/** `kubectl apply` reads, creates and patches (client-side apply also updates); `delete` only when pruning. */
const APPLY_VERBS = ["create", "get", "list", "patch", "update", "watch"];
const PRUNE_VERBS = ["delete"];
/** What `kubectl rollout status` and a failed rollout's diagnosis read besides the workload itself. */
const ROLLOUT_READS: PolicyRule[] = [
  { apiGroups: ["apps"], resources: ["replicasets"], verbs: ["get", "list", "watch"] },
  { apiGroups: [""], resources: ["events", "pods", "pods/log"], verbs: ["get", "list", "watch"] },
];
const WORKLOADS: ReadonlySet<DeployableKind> = new Set(["Deployment", "StatefulSet"]);

/**
 * The deployer's namespaced Role: apply (and with `prune`, delete) on exactly the kinds the application deploys,
 * one rule per API group, plus the reads `rollout status` needs when it deploys a workload. Never a wildcard,
 * never escalate, bind or impersonate.
 */
export function deployRoleRules(kinds: readonly DeployableKind[], prune: boolean): PolicyRule[] {
  const verbs = [...APPLY_VERBS, ...(prune ? PRUNE_VERBS : [])].sort();
  const byGroup = new Map<string, string[]>();
  for (const kind of new Set(kinds)) {
    const { apiGroup, resource } = DEPLOYABLE_KINDS[kind];
    byGroup.set(apiGroup, [...(byGroup.get(apiGroup) ?? []), resource]);
  }
  const rules = [...byGroup.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, resources]) => ({ apiGroups: [group], resources: resources.sort(), verbs }));
  const rollsOut = kinds.some((k) => WORKLOADS.has(k));
  return rollsOut ? [...rules, ...ROLLOUT_READS] : rules;
}
