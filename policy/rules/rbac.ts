import { rbacFeatures, runnerRoleRules } from "../facts";
import { isAgentObject, withinAgentTable } from "../agent-table";
import { MANDATORY, ResourceRule, StackRule } from "../rule";
import {
  CLUSTER_ROLE_BINDING_TYPE,
  CLUSTER_ROLE_TYPE,
  ROLE_BINDING_TYPE,
  ROLE_TYPE,
  fleetsOf,
  namespacesOf,
} from "../stack-index";
import {
  Finding,
  ResourceView,
  asArray,
  asRecord,
  asString,
  at,
  containsUnknown,
  describe,
  label,
  objectName,
  objectNamespace,
  unknownFinding,
} from "../view";

const BROAD_CLUSTER_ROLES = new Set(["cluster-admin", "admin", "edit"]);

export interface RbacRule {
  index: number;
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  nonResourceURLs: string[];
  /** Absent when the rule names no object (it applies to all). */
  resourceNames?: string[];
}

export function rulesOf(role: ResourceView): RbacRule[] {
  const strings = (value: unknown) => asArray(value).map(String);
  return asArray(at(role.props, "rules")).map((rule, index) => {
    const record = asRecord(rule) ?? {};
    return {
      index,
      apiGroups: strings(record.apiGroups),
      resources: strings(record.resources),
      verbs: strings(record.verbs),
      nonResourceURLs: strings(record.nonResourceURLs),
      ...(record.resourceNames === undefined ? {} : { resourceNames: strings(record.resourceNames) }),
    };
  });
}

/** A role whose rules the engine does not know yet: each rule over roles reports it instead of passing. */
function unknownRules(role: ResourceView): Finding[] {
  return containsUnknown(at(role.props, "rules")) ? [unknownFinding(role, "rules")] : [];
}

export const rbacNoClusterWideBindings: ResourceRule = {
  kind: "resource",
  name: "rbac-no-cluster-wide-bindings",
  threats: ["MGR-2", "DEPLOY-1"],
  description:
    "No ClusterRoleBinding and no RoleBinding to cluster-admin, admin or edit: runner and deploy identities get namespaced Roles.",
  severity: "critical",
  enforcement: MANDATORY,
  types: [CLUSTER_ROLE_BINDING_TYPE, ROLE_BINDING_TYPE],
  check(resource) {
    if (resource.type === ROLE_BINDING_TYPE && containsUnknown(at(resource.props, "roleRef")))
      return [unknownFinding(resource, "roleRef")];
    const roleRef = asRecord(at(resource.props, "roleRef")) ?? {};
    const roleName = asString(roleRef.name) ?? "";
    // Impersonation is cluster-scoped: agentk's binding is judged by agent-impersonation-within-table.
    if (
      resource.type === CLUSTER_ROLE_BINDING_TYPE &&
      isAgentObject(resource) &&
      !BROAD_CLUSTER_ROLES.has(roleName)
    )
      return [];
    if (resource.type === CLUSTER_ROLE_BINDING_TYPE) {
      return [
        {
          field: "roleRef",
          message: `${describe(resource)} binds ClusterRole "${roleName}" cluster-wide — replace it with a Role and RoleBinding in each namespace the identity works in`,
        },
      ];
    }
    if (roleRef.kind === "ClusterRole" && BROAD_CLUSTER_ROLES.has(roleName)) {
      return [
        {
          field: "roleRef.name",
          message: `${describe(resource)} grants the built-in ClusterRole "${roleName}" in namespace ${objectNamespace(resource) ?? "(unset)"} — bind a Role listing only the verbs the identity needs`,
        },
      ];
    }
    return [];
  },
};

export const rbacNoWildcards: ResourceRule = {
  kind: "resource",
  name: "rbac-no-wildcards",
  threats: ["MGR-1", "DEPLOY-2"],
  description: "No `*` in apiGroups, resources, verbs or nonResourceURLs of any Role or ClusterRole.",
  severity: "critical",
  enforcement: MANDATORY,
  types: [ROLE_TYPE, CLUSTER_ROLE_TYPE],
  check(resource) {
    if (containsUnknown(at(resource.props, "rules"))) return unknownRules(resource);
    return rulesOf(resource).flatMap((rule) =>
      (["apiGroups", "resources", "verbs", "nonResourceURLs"] as const)
        .filter((key) => rule[key].includes("*"))
        .map((key) => ({
          field: `rules[${rule.index}].${key}`,
          message: `${describe(resource)} has "*" in rules[${rule.index}].${key} — list the exact ${key} the identity needs`,
        })),
    );
  },
};

const ESCALATION_VERBS = ["escalate", "bind", "impersonate"];

export const rbacNoEscalationVerbs: ResourceRule = {
  kind: "resource",
  name: "rbac-no-escalation-verbs",
  threats: ["MGR-1", "DEPLOY-2"],
  description: "No escalate, bind or impersonate: each lets the holder gain permissions it was not given.",
  severity: "critical",
  enforcement: MANDATORY,
  types: [ROLE_TYPE, CLUSTER_ROLE_TYPE],
  check(resource) {
    if (containsUnknown(at(resource.props, "rules"))) return unknownRules(resource);
    // agentk's impersonation is its purpose: agent-impersonation-within-table holds it to its table.
    const agentk = isAgentObject(resource) && resource.type === CLUSTER_ROLE_TYPE;
    return rulesOf(resource).flatMap((rule) =>
      rule.verbs
        .filter((verb) => ESCALATION_VERBS.includes(verb) && !(agentk && withinAgentTable(rule)))
        .map((verb) => ({
          field: `rules[${rule.index}].verbs`,
          message: `${describe(resource)} grants "${verb}" on ${rule.resources.join(", ") || "(no resources)"} — remove it; it lets the holder escalate its own permissions`,
        })),
    );
  },
};

/** Every (resource, verb) GitLab's permission table can require, with every feature turned on. */
function runnerPermissionCeiling(): Map<string, Set<string>> {
  const everything = rbacFeatures(
    {
      FF_KUBERNETES_HONOR_ENTRYPOINT: true,
      FF_WAIT_FOR_POD_TO_BE_REACHABLE: true,
      FF_PRINT_POD_EVENTS: true,
    },
    { resourceAvailabilityCheckMaxAttempts: 1 },
  );
  const ceiling = new Map<string, Set<string>>();
  for (const rule of runnerRoleRules(everything)) {
    for (const resource of rule.resources) ceiling.set(resource, new Set(rule.verbs));
  }
  return ceiling;
}

function isRunnerRole(role: ResourceView): boolean {
  return label(role, "app.kubernetes.io/component") === "runner" || /gitlab-runner/.test(objectName(role));
}

function beyondTable(role: ResourceView, rule: RbacRule, ceiling: Map<string, Set<string>>): Finding[] {
  if (rule.apiGroups.some((group) => group !== "")) {
    return [
      {
        field: `rules[${rule.index}].apiGroups`,
        message: `${describe(role)} grants API groups ${JSON.stringify(rule.apiGroups)} to a runner — the Kubernetes executor needs the core group ("") only`,
      },
    ];
  }
  const extra = rule.resources.flatMap((resource) =>
    rule.verbs.filter((verb) => !ceiling.get(resource)?.has(verb)).map((verb) => `${verb} ${resource}`),
  );
  return extra.length === 0
    ? []
    : [
        {
          field: `rules[${rule.index}]`,
          message: `${describe(role)} grants ${extra.join(", ")}, beyond GitLab's permission table for the Kubernetes executor — remove them`,
        },
      ];
}

export const rbacRunnerRoleWithinTable: ResourceRule = {
  kind: "resource",
  name: "rbac-runner-role-within-table",
  threats: ["MGR-1"],
  description: "A runner manager's Role grants nothing beyond GitLab's Kubernetes executor permission table.",
  severity: "high",
  enforcement: MANDATORY,
  types: [ROLE_TYPE, CLUSTER_ROLE_TYPE],
  check(resource) {
    if (!isRunnerRole(resource)) return [];
    if (containsUnknown(at(resource.props, "rules"))) return unknownRules(resource);
    const ceiling = runnerPermissionCeiling();
    return rulesOf(resource).flatMap((rule) => beyondTable(resource, rule, ceiling));
  },
};

function isDeployIdentity(resource: ResourceView): boolean {
  return label(resource, "app.kubernetes.io/component") === "deploy";
}

/** Namespaces that belong to the runners: the managers' and the ones their jobs run in. */
export function runnerNamespaces(resources: ResourceView[]): Set<string> {
  const names = new Set<string>();
  for (const [name, ns] of namespacesOf(resources)) {
    const component = label(ns, "app.kubernetes.io/component");
    if (component === "runner-manager" || component === "ci-jobs") names.add(name);
  }
  for (const fleet of fleetsOf(resources)) {
    const manager = fleet.manager && objectNamespace(fleet.manager);
    if (manager) names.add(manager);
    if (fleet.config.state !== "parsed") continue;
    for (const runner of fleet.config.config.runners) {
      const ns = asString(asRecord(runner.kubernetes)?.namespace);
      if (ns) names.add(ns);
    }
  }
  return names;
}

function subjectNamespaces(binding: ResourceView): string[] {
  return asArray(at(binding.props, "subjects"))
    .map((subject) => asRecord(subject) ?? {})
    .filter((subject) => subject.kind === "ServiceAccount")
    .map((subject) => asString(subject.namespace) ?? objectNamespace(binding) ?? "");
}

export const rbacDeployAccessScoped: StackRule = {
  kind: "stack",
  name: "rbac-deploy-access-scoped",
  threats: ["DEPLOY-1"],
  description: "Deploy identities are bound only in their own namespace, never in runner or job namespaces.",
  severity: "critical",
  enforcement: MANDATORY,
  checkStack(resources) {
    const forbidden = runnerNamespaces(resources);
    return resources
      .filter((r) => r.type === ROLE_BINDING_TYPE && isDeployIdentity(r))
      .flatMap((binding) => {
        if (
          containsUnknown(at(binding.props, "subjects")) ||
          containsUnknown(at(binding.props, "metadata.namespace"))
        )
          return [
            {
              ...unknownFinding(
                binding,
                "subjects",
                "name the namespace and subjects from values known at preview",
              ),
              resource: binding,
            },
          ];
        const ns = objectNamespace(binding) ?? "";
        const findings: Finding[] = [];
        if (forbidden.has(ns)) {
          findings.push({
            field: "metadata.namespace",
            message: `${describe(binding)} gives a deploy identity access to runner namespace "${ns}" — bind it only in the application's namespace`,
          });
        }
        const foreign = subjectNamespaces(binding).filter((subjectNs) => subjectNs !== ns);
        if (foreign.length > 0) {
          findings.push({
            field: "subjects",
            message: `${describe(binding)} grants access in "${ns}" to service accounts of ${[...new Set(foreign)].join(", ")} — a deploy identity works only in its own namespace; create one per target namespace`,
          });
        }
        return findings.map((finding) => ({ ...finding, resource: binding }));
      });
  },
};
