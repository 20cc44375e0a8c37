/** A Kubernetes RBAC PolicyRule in the core API group. */
export interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

/** What the manager does in the job namespace, as far as its API permissions go. */
export interface RbacFeatures {
  /** exec is the legacy strategy (FF_USE_LEGACY_KUBERNETES_EXECUTION_STRATEGY); attach is the default. */
  executionStrategy: "attach" | "exec";
  /** FF_KUBERNETES_HONOR_ENTRYPOINT: the runner reads the build container's log to wait for its entrypoint. */
  honorEntrypoint: boolean;
  /** FF_WAIT_FOR_POD_TO_BE_REACHABLE. */
  waitForPodReachable: boolean;
  /** print_pod_warning_events (on unless set to false): warning events in the job log when a pod fails. */
  podWarningEvents: boolean;
  /** FF_PRINT_POD_EVENTS: the runner streams the job pod's events into the job log. */
  podEvents: boolean;
  /** resource_availability_check_max_attempts > 0: the runner waits for service accounts and pull secrets. */
  resourceAvailabilityCheck: boolean;
}

type Row = { resource: string; verb: string; when?: (f: RbacFeatures) => boolean };

const attach = (f: RbacFeatures) => f.executionStrategy === "attach";

/**
 * GitLab Runner's permission table for the Kubernetes executor (docs/executors/kubernetes, "Configure runner API
 * permissions", runner 17.9+): each verb with the condition under which the runner uses it. `pods` list/watch
 * feed the informer that tracks build pods; namespaces are never granted (namespace_per_job is not offered).
 */
const TABLE: Row[] = [
  { resource: "events", verb: "list", when: (f) => f.podWarningEvents },
  { resource: "events", verb: "watch", when: (f) => f.podEvents },
  { resource: "pods", verb: "create" },
  { resource: "pods", verb: "delete" },
  { resource: "pods", verb: "get" },
  { resource: "pods", verb: "list" },
  { resource: "pods", verb: "watch" },
  ...["create", "delete", "get", "patch"].map((verb) => ({ resource: "pods/attach", verb, when: attach })),
  ...["create", "delete", "get", "patch"].map((verb) => ({ resource: "pods/exec", verb })),
  {
    resource: "pods/log",
    verb: "get",
    when: (f: RbacFeatures) => f.honorEntrypoint || attach(f) || f.waitForPodReachable,
  },
  { resource: "pods/log", verb: "list", when: (f: RbacFeatures) => f.honorEntrypoint || attach(f) },
  ...["create", "delete", "get", "update"].map((verb) => ({ resource: "secrets", verb })),
  { resource: "serviceaccounts", verb: "get", when: (f) => f.resourceAvailabilityCheck },
  { resource: "services", verb: "create" },
  { resource: "services", verb: "get" },
];

/**
 * The runner manager's Role in a job namespace, computed from the enabled features: no wildcard, core API group
 * only, one rule per resource, sorted so the output is stable.
 */
export function runnerRoleRules(features: RbacFeatures): PolicyRule[] {
  const verbs = new Map<string, Set<string>>();
  for (const row of TABLE) {
    if (row.when && !row.when(features)) continue;
    verbs.set(row.resource, (verbs.get(row.resource) ?? new Set()).add(row.verb));
  }
  return [...verbs.keys()]
    .sort()
    .map((resource) => ({ apiGroups: [""], resources: [resource], verbs: [...verbs.get(resource)!].sort() }));
}

/** The RBAC features a fleet turns on through its feature flags and executor settings. */
export function rbacFeatures(
  featureFlags: Record<string, boolean> | undefined,
  kubernetes: { resourceAvailabilityCheckMaxAttempts?: number; printPodWarningEvents?: boolean },
): RbacFeatures {
  const flag = (name: string) => featureFlags?.[name] === true;
  return {
    executionStrategy: flag("FF_USE_LEGACY_KUBERNETES_EXECUTION_STRATEGY") ? "exec" : "attach",
    honorEntrypoint: flag("FF_KUBERNETES_HONOR_ENTRYPOINT"),
    waitForPodReachable: flag("FF_WAIT_FOR_POD_TO_BE_REACHABLE"),
    podWarningEvents: kubernetes.printPodWarningEvents !== false,
    podEvents: flag("FF_PRINT_POD_EVENTS"),
    resourceAvailabilityCheck: (kubernetes.resourceAvailabilityCheckMaxAttempts ?? 0) > 0,
  };
}
