import { TomlTable, kubernetesOf } from "./config-toml";
import { ECI_RAM_ROLE_ANNOTATION, SECRETS_STORE_CSI_DRIVER } from "./identities";
import { overwritePattern } from "./overwrite-pattern";
import {
  AccountRef,
  bindingsOf,
  findServiceAccount,
  serviceAccountsIn,
  tokenMount,
  undecidedBindings,
} from "./service-accounts";
import { Fleet, findSecret, secretType } from "./stack-index";
import { ResourceView, asArray, asRecord, asString, at, objectName } from "./view";

/** What a fleet's jobs receive: credentials by description, and what could not be told. */
export interface FleetCredentials {
  credentials: string[];
  /** Why a credential may reach the jobs although the stack does not show it (reported as could not check). */
  unknown: string[];
}

/** Whether a Secret carries a kubeconfig (a key named like one). */
function holdsKubeconfig(secret: ResourceView): boolean {
  return ["data", "stringData"].some((field) =>
    Object.keys(asRecord(at(secret.props, field)) ?? {}).some((key) => /kubeconfig/i.test(key)),
  );
}

/** Every Secret mounted into job pods is a credential; push credentials and kubeconfigs say so. */
function secretVolumeCredentials(resources: ResourceView[], kubernetes: TomlTable): string[] {
  const namespace = asString(kubernetes.namespace);
  return asArray(at(kubernetes, "volumes.secret")).map((entry) => {
    const volume = asRecord(entry) ?? {};
    const name = asString(volume.name) ?? "";
    const mountPath = asString(volume.mount_path) ?? "";
    const secret = findSecret(resources, namespace, name);
    if (/\.docker/.test(mountPath) || (secret && secretType(secret) === "kubernetes.io/dockerconfigjson")) {
      return `registry push credential "${name}" mounted at ${mountPath}`;
    }
    if (secret && holdsKubeconfig(secret)) return `kubeconfig "${name}" mounted at ${mountPath}`;
    return `Secret "${name}" mounted at ${mountPath}`;
  });
}

function cloudCredentials(kubernetes: TomlTable): string[] {
  const csi = asArray(at(kubernetes, "volumes.csi"))
    .map((entry) => asRecord(entry) ?? {})
    .filter((volume) => volume.driver === SECRETS_STORE_CSI_DRIVER)
    .map((volume) => `secrets of the Secrets Store CSI driver mounted at ${String(volume.mount_path)}`);
  const role = asString(asRecord(kubernetes.pod_annotations)?.[ECI_RAM_ROLE_ANNOTATION]);
  return role ? [...csi, `the RAM role "${role}" (annotation ${ECI_RAM_ROLE_ANNOTATION})`] : csi;
}

/** The ServiceAccounts a job pod can run as: the configured one (Kubernetes' `default` when none) and overwrites. */
export function reachableAccounts(resources: ResourceView[], kubernetes: TomlTable): AccountRef[] {
  const namespace = asString(kubernetes.namespace) ?? "default";
  const configured = asString(kubernetes.service_account) || "default";
  const pattern = asString(kubernetes.service_account_overwrite_allowed);
  const usable = pattern ? overwritePattern(pattern) : undefined;
  const switched =
    usable?.state === "usable"
      ? serviceAccountsIn(resources, namespace)
          .map(objectName)
          .filter((name) => name !== configured && usable.admits(name))
      : [];
  return [configured, ...switched].map((name) => ({ namespace, name }));
}

function apiAccess(resources: ResourceView[], kubernetes: TomlTable): FleetCredentials {
  const found: FleetCredentials = { credentials: [], unknown: [] };
  for (const account of reachableAccounts(resources, kubernetes)) {
    const object = findServiceAccount(resources, account);
    const mount = tokenMount(kubernetes.automount_service_account_token, object);
    if (mount === "not mounted") continue;
    const bindings = bindingsOf(resources, account).map((binding) => binding.name);
    if (bindings.length > 0 && mount === "mounted") {
      found.credentials.push(
        `a Kubernetes API token of service account "${account.name}", bound by ${bindings.join(", ")}`,
      );
    } else if (mount === "mounted" && undecidedBindings(resources).length > 0) {
      const names = undecidedBindings(resources).map((binding) => binding.name);
      found.unknown.push(
        `job pods mount the API token of service account "${account.name}", and whom ${names.join(", ")} bind is unknown at preview`,
      );
    } else if (mount === "unknown") {
      found.unknown.push(
        `whether job pods mount the API token of service account "${account.name}" is unknown at preview`,
      );
    } else if (!object) {
      found.unknown.push(
        `job pods mount the API token of service account "${account.name}", which this stack does not define, so its rights could not be checked`,
      );
    }
  }
  return found;
}

/** What push, deploy, API or cloud credentials a fleet's jobs receive. */
export function fleetCredentials(fleet: Fleet, resources: ResourceView[]): FleetCredentials {
  if (fleet.config.state !== "parsed") return { credentials: [], unknown: [] };
  const perRunner = fleet.config.config.runners.map((runner) => {
    const kubernetes = kubernetesOf(runner);
    const api = apiAccess(resources, kubernetes);
    return {
      credentials: [
        ...secretVolumeCredentials(resources, kubernetes),
        ...cloudCredentials(kubernetes),
        ...api.credentials,
      ],
      unknown: api.unknown,
    };
  });
  return {
    credentials: perRunner.flatMap((r) => r.credentials),
    unknown: perRunner.flatMap((r) => r.unknown),
  };
}
