import { agentAccessOf, isAgentObject, withinAgentTable } from "../agent-table";
import {
  AGENTK_SERVICE_ACCOUNT,
  COMPONENTS,
  LABELS,
  agentNamespaceOfClusterRole,
  environmentSlug,
  isCiJobGroup,
} from "../facts";
import { MANDATORY, ResourceRule, StackRule } from "../rule";
import {
  CLUSTER_ROLE_BINDING_TYPE,
  CLUSTER_ROLE_TYPE,
  ROLE_BINDING_TYPE,
  ROLE_TYPE,
  namespacesOf,
} from "../stack-index";
import {
  Finding,
  ResourceView,
  asArray,
  asRecord,
  asString,
  at,
  describe,
  isUnknown,
  label,
  objectNamespace,
} from "../view";
import { rulesOf, runnerNamespaces } from "./rbac";

function roleFindings(role: ResourceView): Finding[] {
  if (role.type === ROLE_TYPE)
    return [
      {
        field: "rules",
        message: `${describe(role)}: agentk needs no namespaced permission; its impersonation is cluster-scoped — remove the Role`,
      },
    ];
  if (isUnknown(at(role.props, "rules")))
    return [
      {
        field: "rules",
        message: `${describe(role)}: its rules are not known yet, so they could not be checked — run the check on the applied stack`,
        couldNotCheck: true,
      },
    ];
  return rulesOf(role).flatMap((rule): Finding[] => {
    const field = `rules[${rule.index}]`;
    if (!withinAgentTable(rule))
      return [
        {
          field,
          message: `${describe(role)} grants ${rule.verbs.join(", ")} on ${rule.resources.join(", ")} — agentk needs only impersonate on users, groups (by name) and userextras/agent.gitlab.com/*`,
        },
      ];
    if (!rule.resources.includes("groups")) return [];
    const foreign = (rule.resourceNames ?? ["(any group)"]).filter((g) => !isCiJobGroup(g));
    return foreign.length === 0
      ? []
      : [
          {
            field: `${field}.resourceNames`,
            message: `${describe(role)} may impersonate ${foreign.join(", ")} — list only the gitlab: groups GitLab's agent server sends for the authorised projects' jobs`,
          },
        ];
  });
}

function bindingFindings(binding: ResourceView): Finding[] {
  const roleRef = asRecord(at(binding.props, "roleRef")) ?? {};
  const subjects = asArray(at(binding.props, "subjects")).map((s) => asRecord(s) ?? {});
  const namespace = agentNamespaceOfClusterRole(asString(roleRef.name) ?? "");
  const findings: Finding[] = [];
  if (roleRef.kind !== "ClusterRole" || namespace === undefined)
    findings.push({
      field: "roleRef",
      message: `${describe(binding)} binds ${asString(roleRef.kind) ?? "?"} "${asString(roleRef.name) ?? ""}" — bind only agentk's impersonation ClusterRole`,
    });
  const [subject] = subjects;
  const isAgentk =
    subjects.length === 1 &&
    subject.kind === "ServiceAccount" &&
    subject.name === AGENTK_SERVICE_ACCOUNT &&
    (namespace === undefined || subject.namespace === namespace);
  if (!isAgentk)
    findings.push({
      field: "subjects",
      message: `${describe(binding)} binds ${subjects.map((s) => `${String(s.kind)} ${String(s.namespace ?? "")}/${String(s.name)}`).join(", ") || "no subject"} — bind agentk's ServiceAccount alone (${AGENTK_SERVICE_ACCOUNT} in ${namespace ?? "the agent's namespace"}): whoever holds it may impersonate any user name`,
    });
  return findings;
}

export const agentImpersonationWithinTable: ResourceRule = {
  kind: "resource",
  name: "agent-impersonation-within-table",
  description:
    "agentk's RBAC is impersonation only: any user, the gitlab: groups of the authorised jobs by name, the agent server's extra keys; bound to its ServiceAccount alone.",
  severity: "critical",
  threats: ["AGENT-1"],
  enforcement: MANDATORY,
  types: [CLUSTER_ROLE_TYPE, ROLE_TYPE, CLUSTER_ROLE_BINDING_TYPE, ROLE_BINDING_TYPE],
  check(resource) {
    if (!isAgentObject(resource)) return [];
    return resource.type === CLUSTER_ROLE_TYPE || resource.type === ROLE_TYPE
      ? roleFindings(resource)
      : bindingFindings(resource);
  },
};

/** Subjects a binding names that agentk could become: gitlab: groups, and (when the stack runs agentk) any user. */
function impersonableSubjects(binding: ResourceView, withAgent: boolean): string[] {
  return asArray(at(binding.props, "subjects"))
    .map((s) => asRecord(s) ?? {})
    .filter(
      (s) =>
        (withAgent && s.kind === "User") || (s.kind === "Group" && /^gitlab:/.test(asString(s.name) ?? "")),
    )
    .map((s) => `${String(s.kind)} ${String(s.name)}`);
}

function agentBindingFindings(
  binding: ResourceView,
  resources: ResourceView[],
  forbidden: Set<string>,
  withAgent: boolean,
): Finding[] {
  const subjects = impersonableSubjects(binding, withAgent);
  if (subjects.length === 0) return [];
  const who = subjects.join(", ");
  if (binding.type === CLUSTER_ROLE_BINDING_TYPE)
    return [
      {
        field: "subjects",
        message: `${describe(binding)} binds ${who} cluster-wide — bind them in the application's namespace only, with a RoleBinding to a Role`,
      },
    ];
  if (subjects.some((s) => s.startsWith("User ")))
    return [
      {
        field: "subjects",
        message: `${describe(binding)} binds ${who}: agentk may impersonate any user name, so a User subject is anyone's — bind the project environment's gitlab:project_env group instead`,
      },
    ];
  const ns = objectNamespace(binding) ?? "";
  const namespace = namespacesOf(resources).get(ns);
  const findings: Finding[] = groupFindings(binding, namespace, who);
  if (asRecord(at(binding.props, "roleRef"))?.kind !== "Role")
    findings.push({
      field: "roleRef",
      message: `${describe(binding)} gives ${who} a ClusterRole — bind a namespaced Role listing what the application deploys`,
    });
  if (forbidden.has(ns) || !namespace || label(namespace, LABELS.component) !== COMPONENTS.deploy)
    findings.push({
      field: "metadata.namespace",
      message: `${describe(binding)} gives ${who} access in "${ns}", which is not an application namespace of this stack — bind them only where the application deploys`,
    });
  return findings;
}

/**
 * In an application namespace, only the group of that project's environment may be bound: gitlab:ci_job, a
 * project's, a group's or a tier's group, or another environment's, would let other jobs deploy there.
 */
function groupFindings(binding: ResourceView, namespace: ResourceView | undefined, who: string): Finding[] {
  const groups = asArray(at(binding.props, "subjects"))
    .map((s) => asRecord(s) ?? {})
    .filter((s) => s.kind === "Group")
    .map((s) => asString(s.name) ?? "")
    .filter((name) => name.startsWith("gitlab:"));
  if (groups.length === 0) return [];
  const environment = agentAccessOf(namespace)?.gitlabEnvironment;
  if (environment === undefined)
    return [
      {
        field: "subjects",
        message: `${describe(binding)} binds ${who} in a namespace the agent does not serve — bind gitlab: groups only in an application namespace with access: agent`,
      },
    ];
  const slug = environmentSlug(environment);
  // A slug holds only [a-z0-9-]: nothing to escape.
  const own = new RegExp(`^gitlab:project_env:[0-9]+:${slug}$`);
  const foreign = groups.filter((g) => !own.test(g));
  return foreign.length === 0 && groups.length === 1
    ? []
    : [
        {
          field: "subjects",
          message: `${describe(binding)} binds ${foreign.length ? foreign.join(", ") : groups.join(", ")} in the namespace of environment "${environment}" — bind only its own gitlab:project_env:<project id>:${slug}, so no other job deploys here`,
        },
      ];
}

export const agentBindingsApplicationNamespaces: StackRule = {
  kind: "stack",
  name: "agent-bindings-application-namespaces",
  threats: ["AGENT-2", "AGENT-3", "DEPLOY-1"],
  description:
    "What agentk impersonates (gitlab: groups, any user) is bound only by RoleBindings to Roles in the application namespaces the agent serves, each to its own environment's gitlab:project_env group alone; never in runner or job namespaces, never cluster-wide, never as a User.",
  severity: "critical",
  enforcement: MANDATORY,
  checkStack(resources) {
    const forbidden = runnerNamespaces(resources);
    const withAgent = resources.some((r) => r.type === CLUSTER_ROLE_TYPE && isAgentObject(r));
    return resources
      .filter((r) => r.type === ROLE_BINDING_TYPE || r.type === CLUSTER_ROLE_BINDING_TYPE)
      .flatMap((b) =>
        agentBindingFindings(b, resources, forbidden, withAgent).map((f) => ({ ...f, resource: b })),
      );
  },
};
