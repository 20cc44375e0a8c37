import { MANDATORY, ResourceRule, StackRule } from "../rule";
import { SERVICE_ACCOUNT_TYPE, bindingsOf, findServiceAccount } from "../service-accounts";
import {
  CLUSTER_ROLE_BINDING_TYPE,
  CLUSTER_ROLE_TYPE,
  Fleet,
  ROLE_BINDING_TYPE,
  ROLE_TYPE,
  SECRET_TYPE,
  USER_RUNNER_TYPE,
  VARIABLE_TYPES,
  fleetsOf,
} from "../stack-index";
import { CONFIG_MAP_TYPE } from "../config-toml";
import { Finding, ResourceView, asArray, asRecord, at, describe, objectName, objectNamespace } from "../view";
import { containersOf, podSpecOf } from "../workloads";

type Located = Finding & { resource: ResourceView };

function named(resources: ResourceView[], type: string, namespace: string | undefined, name: unknown) {
  return resources.find(
    (r) =>
      r.type === type &&
      objectName(r) === name &&
      (namespace === undefined || objectNamespace(r) === namespace),
  );
}

/** The Secrets and ConfigMaps a pod reads: env references, envFrom and volumes. */
function podReferences(manager: ResourceView): { secrets: string[]; configMaps: string[] } {
  const pod = podSpecOf(manager);
  if (!pod) return { secrets: [], configMaps: [] };
  const containers = containersOf(pod).map(({ container }) => container);
  const env = containers.flatMap((c) => asArray(c.env)).map((e) => asRecord(e) ?? {});
  const envFrom = containers.flatMap((c) => asArray(c.envFrom)).map((e) => asRecord(e) ?? {});
  const volumes = asArray(pod.spec.volumes).map((v) => asRecord(v) ?? {});
  const strings = (values: unknown[]) => values.filter((v): v is string => typeof v === "string");
  return {
    secrets: strings([
      ...env.map((e) => at(e, "valueFrom.secretKeyRef.name")),
      ...envFrom.map((e) => at(e, "secretRef.name")),
      ...volumes.map((v) => at(v, "secret.secretName")),
    ]),
    configMaps: strings([
      ...env.map((e) => at(e, "valueFrom.configMapKeyRef.name")),
      ...envFrom.map((e) => at(e, "configMapRef.name")),
      ...volumes.map((v) => at(v, "configMap.name")),
    ]),
  };
}

/** What a manager needs to run: its account, the bindings naming it and their roles, its Secrets, ConfigMaps, runner. */
function prerequisites(fleet: Fleet, manager: ResourceView, resources: ResourceView[]): ResourceView[] {
  const namespace = objectNamespace(manager);
  const accountName = at(podSpecOf(manager)?.spec, "serviceAccountName") ?? "default";
  const account =
    typeof accountName === "string" ? { namespace: namespace ?? "default", name: accountName } : undefined;
  const bindings = account ? bindingsOf(resources, account, { groups: false }) : [];
  const roles = bindings.map((binding) => {
    const ref = asRecord(at(binding.props, "roleRef")) ?? {};
    return ref.kind === "ClusterRole"
      ? named(resources, CLUSTER_ROLE_TYPE, undefined, ref.name)
      : named(resources, ROLE_TYPE, objectNamespace(binding), ref.name);
  });
  const { secrets, configMaps } = podReferences(manager);
  return [
    account ? findServiceAccount(resources, account) : undefined,
    ...bindings,
    ...roles,
    ...secrets.map((name) => named(resources, SECRET_TYPE, namespace, name)),
    ...configMaps.map((name) => named(resources, CONFIG_MAP_TYPE, namespace, name)),
    fleet.runner,
  ].filter((r): r is ResourceView => r !== undefined);
}

/** Every URN a resource depends on, directly or through others. */
function dependencyClosure(start: ResourceView, byUrn: Map<string, ResourceView>): Set<string> {
  const seen = new Set<string>();
  const queue = [...(start.dependencies ?? [])];
  while (queue.length > 0) {
    const urn = queue.pop()!;
    if (seen.has(urn)) continue;
    seen.add(urn);
    queue.push(...(byUrn.get(urn)?.dependencies ?? []));
  }
  return seen;
}

function fleetFindings(fleet: Fleet, resources: ResourceView[], byUrn: Map<string, ResourceView>): Located[] {
  const manager = fleet.manager;
  if (!manager) return [];
  if (manager.dependencies === undefined) {
    return [
      {
        resource: manager,
        field: "dependsOn",
        couldNotCheck: true,
        message: `${describe(manager)}: its dependencies are not known here, so its creation and deletion order could not be checked — run the pack as a stack policy or on a stack export`,
      },
    ];
  }
  const closure = dependencyClosure(manager, byUrn);
  const missing = prerequisites(fleet, manager, resources).filter((r) => !closure.has(r.urn));
  if (missing.length === 0) return [];
  return [
    {
      resource: manager,
      field: "dependsOn",
      message: `${describe(manager)} does not depend on ${[...new Set(missing.map(describe))].join(", ")}: Pulumi may start it before them and delete them while it still runs jobs — add them to the manager's dependsOn`,
    },
  ];
}

export const lifecycleManagerDependsOnItsAccess: StackRule = {
  kind: "stack",
  name: "lifecycle-manager-depends-on-its-access",
  threats: ["MGR-6"],
  description:
    "A runner manager depends on its ServiceAccount, the bindings and roles that name it, its token and other Secrets, its config and its GitLab runner, so it starts after them and stops before them.",
  severity: "medium",
  enforcement: MANDATORY,
  checkStack(resources) {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    return fleetsOf(resources).flatMap((fleet) => fleetFindings(fleet, resources, byUrn));
  },
};

/** Objects that grant rights or hold credentials: left behind, they keep granting them. */
const ACCESS_TYPES = [
  ROLE_TYPE,
  ROLE_BINDING_TYPE,
  CLUSTER_ROLE_TYPE,
  CLUSTER_ROLE_BINDING_TYPE,
  SERVICE_ACCOUNT_TYPE,
  SECRET_TYPE,
  USER_RUNNER_TYPE,
  ...VARIABLE_TYPES,
];

export const lifecycleAccessNotRetained: ResourceRule = {
  kind: "resource",
  name: "lifecycle-access-not-retained",
  threats: ["MGR-7"],
  description:
    "Nothing that grants rights or holds a credential (RBAC, ServiceAccounts, Secrets, GitLab runners and CI/CD variables) is kept when the stack deletes it.",
  severity: "high",
  enforcement: MANDATORY,
  exportOnly:
    "the engine does not hand policies the retainOnDelete option, so it is checked by `npm run policy:analyze` and `synth --policy` on the stack export",
  types: ACCESS_TYPES,
  check(resource) {
    if (!resource.retainOnDelete) return [];
    return [
      {
        field: "retainOnDelete",
        message: `${describe(resource)} is kept in the cluster or GitLab when the stack deletes it, so what it grants outlives the stack unmanaged — remove retainOnDelete (protect it instead if it must not be deleted by accident)`,
      },
    ];
  },
};
