import { kubernetesOf } from "./config-toml";
import { Fleet, ROLE_BINDING_TYPE, findSecret, secretType } from "./stack-index";
import { ResourceView, asArray, asRecord, asString, at, objectNamespace } from "./view";

/** Whether a Secret carries a kubeconfig (a key named like one). */
function holdsKubeconfig(secret: ResourceView): boolean {
  return ["data", "stringData"].some((field) =>
    Object.keys(asRecord(at(secret.props, field)) ?? {}).some((key) => /kubeconfig/i.test(key)),
  );
}

function secretVolumeCredentials(resources: ResourceView[], kubernetes: Record<string, unknown>) {
  const namespace = asString(kubernetes.namespace);
  return asArray(at(kubernetes, "volumes.secret")).flatMap((entry) => {
    const volume = asRecord(entry) ?? {};
    const name = asString(volume.name) ?? "";
    const mountPath = asString(volume.mount_path) ?? "";
    const secret = findSecret(resources, namespace, name);
    if (/\.docker/.test(mountPath) || (secret && secretType(secret) === "kubernetes.io/dockerconfigjson")) {
      return [`registry push credential "${name}" mounted at ${mountPath}`];
    }
    if (secret && holdsKubeconfig(secret)) return [`kubeconfig "${name}" mounted at ${mountPath}`];
    return [];
  });
}

function boundServiceAccount(
  resources: ResourceView[],
  namespace: string | undefined,
  name: string,
): boolean {
  return resources
    .filter(
      (resource) => resource.type === ROLE_BINDING_TYPE || resource.type.endsWith(":ClusterRoleBinding"),
    )
    .some((binding) =>
      asArray(at(binding.props, "subjects")).some((subject) => {
        const record = asRecord(subject) ?? {};
        const subjectNs = asString(record.namespace) ?? objectNamespace(binding);
        return record.kind === "ServiceAccount" && record.name === name && subjectNs === namespace;
      }),
    );
}

function apiAccessCredentials(resources: ResourceView[], kubernetes: Record<string, unknown>): string[] {
  const account = asString(kubernetes.service_account);
  if (!account || kubernetes.automount_service_account_token !== true) return [];
  return boundServiceAccount(resources, asString(kubernetes.namespace), account)
    ? [`a Kubernetes API token of service account "${account}", which holds RoleBindings`]
    : [];
}

/** What push or deploy credentials a fleet's jobs receive, each described for a message. */
export function fleetCredentials(fleet: Fleet, resources: ResourceView[]): string[] {
  if (fleet.config.state !== "parsed") return [];
  return fleet.config.config.runners.flatMap((runner) => {
    const kubernetes = kubernetesOf(runner);
    return [
      ...secretVolumeCredentials(resources, kubernetes),
      ...apiAccessCredentials(resources, kubernetes),
    ];
  });
}
