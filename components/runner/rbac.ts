/** A Kubernetes RBAC PolicyRule in the core API group. */
export interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

export interface RbacFeatures {
  /** exec is the legacy strategy (FF_USE_LEGACY_KUBERNETES_EXECUTION_STRATEGY); attach is the default. */
  executionStrategy: "attach" | "exec";
  /** resource_availability_check_max_attempts > 0: the runner waits for service accounts and pull secrets. */
  resourceAvailabilityCheck: boolean;
  /** FF_PRINT_POD_EVENTS: the runner streams the job pod's events into the job log. */
  printPodEvents: boolean;
}

type Grants = Record<string, string[]>;

/** GitLab's permission table for each execution strategy (Kubernetes executor docs, "Configure runner API permissions"). */
const STRATEGY_GRANTS: Record<RbacFeatures["executionStrategy"], Grants> = {
  attach: {
    "pods/attach": ["create", "patch", "delete"],
    "pods/exec": ["create", "patch", "delete"],
    pods: ["get", "watch", "create", "delete"],
    services: ["get", "watch", "create", "delete"],
    configmaps: ["get", "create", "update", "delete"],
    secrets: ["get", "create", "update", "delete"],
  },
  exec: {
    "pods/exec": ["create", "patch", "delete"],
    pods: ["get", "list", "watch", "create", "patch", "delete"],
    services: ["get", "list", "watch", "create", "patch", "delete"],
    secrets: ["get", "list", "watch", "create", "update", "patch", "delete"],
  },
};

/** Extra grants, each only when its feature is on. */
const FEATURE_GRANTS: { enabled: (f: RbacFeatures) => boolean; grants: Grants }[] = [
  { enabled: (f) => f.resourceAvailabilityCheck, grants: { serviceaccounts: ["get"] } },
  { enabled: (f) => f.printPodEvents, grants: { events: ["list", "watch"] } },
];

/**
 * The runner manager's Role in a job namespace, computed from the enabled features: no wildcard, core API group
 * only, one rule per resource, sorted so the output is stable.
 */
export function runnerRoleRules(features: RbacFeatures): PolicyRule[] {
  const grants: Grants = { ...STRATEGY_GRANTS[features.executionStrategy] };
  for (const extra of FEATURE_GRANTS) {
    if (!extra.enabled(features)) continue;
    for (const [resource, verbs] of Object.entries(extra.grants)) {
      grants[resource] = [...new Set([...(grants[resource] ?? []), ...verbs])];
    }
  }
  return Object.keys(grants)
    .sort()
    .map((resource) => ({ apiGroups: [""], resources: [resource], verbs: [...grants[resource]].sort() }));
}

/** The RBAC features a fleet turns on through its feature flags and executor settings. */
export function rbacFeatures(
  featureFlags: Record<string, boolean> | undefined,
  resourceAvailabilityCheckMaxAttempts: number | undefined,
): RbacFeatures {
  return {
    executionStrategy: featureFlags?.FF_USE_LEGACY_KUBERNETES_EXECUTION_STRATEGY ? "exec" : "attach",
    resourceAvailabilityCheck: (resourceAvailabilityCheckMaxAttempts ?? 0) > 0,
    printPodEvents: featureFlags?.FF_PRINT_POD_EVENTS === true,
  };
}
