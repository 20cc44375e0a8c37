import { kubernetesOf } from "../config-toml";
import { POD_SECURITY_ENFORCE_LABEL } from "../facts";
import { MANDATORY, StackRule } from "../rule";
import { ROLE_BINDING_TYPE, enforcedLevel, fleetsOf, namespacesOf } from "../stack-index";
import {
  Finding,
  ResourceView,
  asRecord,
  asString,
  at,
  describe,
  isUnknown,
  label,
  objectNamespace,
} from "../view";

type Located = Finding & { resource: ResourceView };

/** Pod Security levels that refuse privileged pods, host namespaces and host paths. */
const ENFORCING = new Set(["baseline", "restricted"]);

/** Where pods run that the stack does not write itself: job namespaces and deploy identities' namespaces. */
function podNamespaces(resources: ResourceView[]): Map<string, { who: string; resource: ResourceView }> {
  const found = new Map<string, { who: string; resource: ResourceView }>();
  for (const fleet of fleetsOf(resources)) {
    if (fleet.config.state !== "parsed") continue;
    for (const runner of fleet.config.config.runners) {
      const name = asString(kubernetesOf(runner).namespace) ?? "default";
      if (!found.has(name))
        found.set(name, { who: `job pods of ${describe(fleet.configMap)}`, resource: fleet.configMap });
    }
  }
  for (const binding of resources.filter((r) => r.type === ROLE_BINDING_TYPE)) {
    const name = objectNamespace(binding);
    if (name && label(binding, "app.kubernetes.io/component") === "deploy" && !found.has(name)) {
      found.set(name, { who: `workloads a deploy job creates (${describe(binding)})`, resource: binding });
    }
  }
  return found;
}

export const namespacesPodSecurityEnforced: StackRule = {
  kind: "stack",
  name: "namespaces-pod-security-enforced",
  threats: ["DEV-16", "DEPLOY-3"],
  description:
    'Namespaces where jobs run or deploy jobs create workloads enforce Pod Security "baseline" or "restricted".',
  severity: "high",
  enforcement: MANDATORY,
  checkStack(resources) {
    const namespaces = namespacesOf(resources);
    return [...podNamespaces(resources)].flatMap(([name, { who, resource }]): Located[] => {
      const namespace = namespaces.get(name);
      if (!namespace) {
        return [
          {
            resource,
            field: "metadata.namespace",
            couldNotCheck: true,
            message: `${describe(resource)}: namespace "${name}", where ${who} run, is not in this stack, so its Pod Security level could not be checked — manage the namespace here with pod-security.kubernetes.io/enforce`,
          },
        ];
      }
      const labels = at(namespace.props, "metadata.labels");
      if (isUnknown(labels) || isUnknown(asRecord(labels)?.[POD_SECURITY_ENFORCE_LABEL])) {
        return [
          {
            resource: namespace,
            field: "metadata.labels",
            couldNotCheck: true,
            message: `${describe(namespace)}: its labels are unknown at preview, so its Pod Security level could not be checked — set pod-security.kubernetes.io/enforce from a value known at preview`,
          },
        ];
      }
      const level = enforcedLevel(namespace);
      if (level !== undefined && ENFORCING.has(level)) return [];
      return [
        {
          resource: namespace,
          field: `metadata.labels."${POD_SECURITY_ENFORCE_LABEL}"`,
          message: `${describe(namespace)} ${level ? `enforces "${level}"` : "enforces no Pod Security level"} while ${who} run there: nothing refuses a privileged pod, host namespaces or a host path — label it pod-security.kubernetes.io/enforce: baseline (or restricted)`,
        },
      ];
    });
  },
};
