import { isAgentObject, withinAgentTable } from "../agent-table";
import { ANNOTATIONS, COMPONENTS, isCiJobGroup, readAgentConfig } from "../facts";
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

const COMPONENT = "app.kubernetes.io/component";

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
  const findings: Finding[] = [];
  if (roleRef.kind !== "ClusterRole" || !/:impersonate$/.test(asString(roleRef.name) ?? ""))
    findings.push({
      field: "roleRef",
      message: `${describe(binding)} binds ${asString(roleRef.kind) ?? "?"} "${asString(roleRef.name) ?? ""}" — bind only agentk's impersonation ClusterRole`,
    });
  if (subjects.length !== 1 || subjects[0].kind !== "ServiceAccount")
    findings.push({
      field: "subjects",
      message: `${describe(binding)} binds ${subjects.map((s) => `${String(s.kind)} ${String(s.name)}`).join(", ") || "no subject"} — bind agentk's ServiceAccount alone`,
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
  const findings: Finding[] = [];
  if (asRecord(at(binding.props, "roleRef"))?.kind !== "Role")
    findings.push({
      field: "roleRef",
      message: `${describe(binding)} gives ${who} a ClusterRole — bind a namespaced Role listing what the application deploys`,
    });
  if (forbidden.has(ns) || !namespace || label(namespace, COMPONENT) !== COMPONENTS.deploy)
    findings.push({
      field: "metadata.namespace",
      message: `${describe(binding)} gives ${who} access in "${ns}", which is not an application namespace of this stack — bind them only where the application deploys`,
    });
  return findings;
}

export const agentBindingsApplicationNamespaces: StackRule = {
  kind: "stack",
  name: "agent-bindings-application-namespaces",
  threats: ["AGENT-2", "AGENT-3", "DEPLOY-1"],
  description:
    "What agentk impersonates (gitlab: groups, any user) is bound only by RoleBindings to Roles in application namespaces, never in runner or job namespaces, never cluster-wide, never as a User.",
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

const CONFIG_FILE = /^\.gitlab\/agents\/[^/]+\/config\.yaml$/;
const REPOSITORY_FILE_TYPE = "gitlab:index/repositoryFile:RepositoryFile";

/** The project and GitLab environments each agent namespace of the stack serves. */
function servedEnvironments(resources: ResourceView[]): Map<string, Set<string>> {
  const served = new Map<string, Set<string>>();
  for (const ns of namespacesOf(resources).values()) {
    const access = asString(asRecord(at(ns.props, "metadata.annotations"))?.[ANNOTATIONS.agentAccess]);
    if (!access) continue;
    const at_ = access.lastIndexOf(":");
    const project = access.slice(0, at_);
    served.set(project, (served.get(project) ?? new Set()).add(access.slice(at_ + 1)));
  }
  return served;
}

function projectFindings(
  entry: Record<string, unknown>,
  i: number,
  file: ResourceView,
  served: Map<string, Set<string>>,
): Finding[] {
  const id = asString(entry.id) ?? String(entry.id);
  const field = `content.ci_access.projects[${i}]`;
  const environments = served.get(id);
  if (!environments)
    return [
      {
        field,
        message: `${describe(file)} authorises ${id}, which has no application this stack serves through the agent — remove it from ci_access`,
      },
    ];
  const findings: Finding[] = [];
  if (JSON.stringify(entry.access_as) !== JSON.stringify({ ci_job: {} }))
    findings.push({
      field: `${field}.access_as`,
      message: `${describe(file)} lets ${id}'s jobs act as ${JSON.stringify(entry.access_as ?? "agentk itself")} — use access_as: {ci_job: {}}, so each job is impersonated`,
    });
  const listed = asArray(entry.environments).map(String);
  const extra = listed.filter((e) => !environments.has(e));
  if (listed.length === 0 || extra.length > 0)
    findings.push({
      field: `${field}.environments`,
      message: `${describe(file)} admits ${id}'s jobs in ${listed.length ? extra.join(", ") : "every environment"} — list only the environments the stack serves: ${[...environments].sort().join(", ")}`,
    });
  return findings;
}

function configFileFindings(file: ResourceView, served: Map<string, Set<string>>): Finding[] {
  const content = at(file.props, "content");
  if (typeof content !== "string")
    return [
      {
        field: "content",
        message: `${describe(file)}: the agent configuration is not known yet, so ci_access could not be checked — run the check on the applied stack`,
        couldNotCheck: true,
      },
    ];
  let config: Record<string, unknown>;
  try {
    config = asRecord(readAgentConfig(content)) ?? {};
  } catch {
    return [
      {
        field: "content",
        message: `${describe(file)} is not YAML — let the stack render the agent configuration`,
      },
    ];
  }
  const findings: Finding[] = Object.keys(config)
    .filter((k) => k !== "ci_access")
    .map((k) => ({
      field: `content.${k}`,
      message: `${describe(file)} configures ${k}, which grants more than the CI/CD jobs' access — remove it`,
    }));
  const ciAccess = asRecord(config.ci_access) ?? {};
  if (ciAccess.groups !== undefined)
    findings.push({
      field: "content.ci_access.groups",
      message: `${describe(file)} authorises whole groups — authorise the applications' projects one by one`,
    });
  const projects = asArray(ciAccess.projects).map((p) => asRecord(p) ?? {});
  return [...findings, ...projects.flatMap((p, i) => projectFindings(p, i, file, served))];
}

export const agentCiAccessKnownProjects: StackRule = {
  kind: "stack",
  name: "agent-ci-access-known-projects",
  threats: ["AGENT-4"],
  description:
    "An agent's configuration file authorises only the projects and environments the stack serves through the agent, each job impersonated (access_as: ci_job), and grants nothing else.",
  severity: "critical",
  enforcement: MANDATORY,
  checkStack(resources) {
    const served = servedEnvironments(resources);
    return resources
      .filter(
        (r) => r.type === REPOSITORY_FILE_TYPE && CONFIG_FILE.test(asString(at(r.props, "filePath")) ?? ""),
      )
      .flatMap((file) => configFileFindings(file, served).map((f) => ({ ...f, resource: file })));
  },
};
