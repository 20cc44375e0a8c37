import { kubernetesOf } from "../config-toml";
import { MANDATORY, StackRule } from "../rule";
import { bindingsOf, undecidedBindings } from "../service-accounts";
import { Fleet, ROLE_BINDING_TYPE, fleetsOf } from "../stack-index";
import { Finding, ResourceView, UNKNOWN, asString, at, describe, isUnknown, objectNamespace } from "../view";
import { podSpecOf } from "../workloads";

type Located = Finding & { resource: ResourceView };

/** Namespaces that hold runner tokens: where the managers run (their token Secrets live beside them). */
function tokenNamespaces(fleets: Fleet[]): Set<string> {
  return new Set(
    fleets.map((fleet) => fleet.manager && objectNamespace(fleet.manager)).filter((ns): ns is string => !!ns),
  );
}

function jobNamespaces(fleet: Fleet): Set<string> {
  if (fleet.config.state !== "parsed") return new Set();
  return new Set(fleet.config.config.runners.map((r) => asString(kubernetesOf(r).namespace) ?? "default"));
}

/** The manager a binding names, with what the checks compare its namespace to. */
interface BoundManager {
  manager: ResourceView;
  account: string;
  jobs: Set<string>;
  tokens: Set<string>;
}

function bindingFindings(binding: ResourceView, bound: BoundManager): Finding[] {
  const namespace = objectNamespace(binding) ?? "";
  const findings: Finding[] = [];
  if (!bound.jobs.has(namespace)) {
    findings.push({
      field: "metadata.namespace",
      message: `${describe(binding)} binds runner manager account "${bound.account}" (${describe(bound.manager)}) in namespace "${namespace}", where its fleet runs no jobs: its Role there reads every Secret and starts pods — bind it only in ${[...bound.jobs].join(", ") || "its job namespace"}`,
    });
  }
  if (bound.tokens.has(namespace)) {
    findings.push({
      field: "metadata.namespace",
      message: `${describe(binding)} binds runner manager account "${bound.account}" in namespace "${namespace}", which holds runner tokens: reading its Secrets, the manager could take another runner's identity — run the fleet's jobs in a namespace of their own`,
    });
  }
  return findings;
}

function fleetFindings(fleet: Fleet, resources: ResourceView[], tokens: Set<string>): Located[] {
  const manager = fleet.manager;
  if (!manager || fleet.config.state !== "parsed") return [];
  const pod = podSpecOf(manager);
  // Kubernetes runs a pod without serviceAccountName as the namespace's "default" account.
  const name = pod ? (at(pod.spec, "serviceAccountName") ?? "default") : UNKNOWN;
  if (isUnknown(name) || typeof name !== "string") {
    return [
      {
        resource: manager,
        field: `${pod?.path ?? "spec"}.serviceAccountName`,
        couldNotCheck: true,
        message: `${describe(manager)}: its serviceAccountName is not known here, so where it is bound could not be checked — name the manager's ServiceAccount from a value known at preview`,
      },
    ];
  }
  const bound = { manager, account: name, jobs: jobNamespaces(fleet), tokens };
  return bindingsOf(resources, { namespace: objectNamespace(manager) ?? "default", name }, { groups: false })
    .filter((binding) => binding.type === ROLE_BINDING_TYPE)
    .flatMap((binding) =>
      bindingFindings(binding, bound).map((finding) => ({ ...finding, resource: binding })),
    );
}

function undecided(binding: ResourceView): Located {
  return {
    resource: binding,
    field: "subjects",
    couldNotCheck: true,
    message: `${describe(binding)}: its namespace or subjects are unknown at preview, so whether it binds a runner manager outside its job namespace could not be checked — name them from values known at preview`,
  };
}

export const rbacRunnerBindingsScoped: StackRule = {
  kind: "stack",
  name: "rbac-runner-bindings-scoped",
  threats: ["MGR-2", "MGR-3", "DEV-7"],
  description:
    "A runner manager's account is bound only in the namespaces its config.toml runs jobs in, and never where runner tokens are kept.",
  severity: "critical",
  enforcement: MANDATORY,
  checkStack(resources) {
    const fleets = fleetsOf(resources);
    const tokens = tokenNamespaces(fleets);
    const managed = fleets.some((fleet) => fleet.manager);
    return [
      ...fleets.flatMap((fleet) => fleetFindings(fleet, resources, tokens)),
      ...(managed ? undecidedBindings(resources).map(undecided) : []),
    ];
  },
};
