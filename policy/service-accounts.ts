import { CLUSTER_ROLE_BINDING_TYPE, ROLE_BINDING_TYPE } from "./stack-index";
import {
  ResourceView,
  asArray,
  asRecord,
  asString,
  at,
  isUnknown,
  objectName,
  objectNamespace,
} from "./view";

export const SERVICE_ACCOUNT_TYPE = "kubernetes:core/v1:ServiceAccount";

/** A ServiceAccount by where Kubernetes looks it up: its namespace and name. */
export interface AccountRef {
  namespace: string;
  name: string;
}

export function describeAccount(account: AccountRef): string {
  return `${account.namespace}/${account.name}`;
}

export function findServiceAccount(resources: ResourceView[], account: AccountRef): ResourceView | undefined {
  return resources.find(
    (resource) =>
      resource.type === SERVICE_ACCOUNT_TYPE &&
      objectName(resource) === account.name &&
      objectNamespace(resource) === account.namespace,
  );
}

export function serviceAccountsIn(resources: ResourceView[], namespace: string): ResourceView[] {
  return resources.filter(
    (resource) => resource.type === SERVICE_ACCOUNT_TYPE && objectNamespace(resource) === namespace,
  );
}

/** How each kind of binding subject names a ServiceAccount: itself, its user name, or a group every account is in. */
const SUBJECT_NAMES: Record<string, (name: string | undefined, subject: SubjectContext) => boolean> = {
  ServiceAccount: (name, { subject, binding, account }) =>
    name === account.name && (asString(subject.namespace) ?? objectNamespace(binding)) === account.namespace,
  User: (name, { account }) => name === `system:serviceaccount:${account.namespace}:${account.name}`,
  Group: (name, { account }) =>
    name === "system:serviceaccounts" ||
    name === `system:serviceaccounts:${account.namespace}` ||
    name === "system:authenticated",
};

interface SubjectContext {
  subject: Record<string, unknown>;
  binding: ResourceView;
  account: AccountRef;
}

/** Whether one subject of a binding names the account; a subject of another kind names nothing. */
function subjectNames(subject: Record<string, unknown>, binding: ResourceView, account: AccountRef): boolean {
  const kind = String(subject.kind);
  const names = Object.hasOwn(SUBJECT_NAMES, kind) ? SUBJECT_NAMES[kind] : undefined;
  return names ? names(asString(subject.name), { subject, binding, account }) : false;
}

/**
 * The RoleBindings and ClusterRoleBindings of the stack that give the account rights; with `groups: false`, only
 * those that name it (not the groups every account is in).
 */
export function bindingsOf(
  resources: ResourceView[],
  account: AccountRef,
  options: { groups: boolean } = { groups: true },
): ResourceView[] {
  return resources
    .filter((resource) => resource.type === ROLE_BINDING_TYPE || resource.type === CLUSTER_ROLE_BINDING_TYPE)
    .filter((binding) =>
      asArray(at(binding.props, "subjects"))
        .map((subject) => asRecord(subject) ?? {})
        .filter((subject) => options.groups || subject.kind !== "Group")
        .some((subject) => subjectNames(subject, binding, account)),
    );
}

/** Bindings whose subjects or namespace are unknown at preview: whom they give rights cannot be told. */
export function undecidedBindings(resources: ResourceView[]): ResourceView[] {
  return resources
    .filter((resource) => resource.type === ROLE_BINDING_TYPE || resource.type === CLUSTER_ROLE_BINDING_TYPE)
    .filter(
      (binding) =>
        isUnknown(at(binding.props, "subjects")) ||
        isUnknown(at(binding.props, "metadata.namespace")) ||
        asArray(at(binding.props, "subjects")).some((subject) =>
          ["kind", "name", "namespace"].some((key) => isUnknown(at(subject, key))),
        ),
    );
}

export type TokenMount = "mounted" | "not mounted" | "unknown";

/**
 * Whether a pod gets its ServiceAccount's API token. The pod's own setting wins; left unset (as config.toml's
 * `automount_service_account_token` reaches the pod when absent), the account's decides, and Kubernetes mounts
 * the token unless the account says false.
 */
export function tokenMount(podSetting: unknown, account: ResourceView | undefined): TokenMount {
  if (isUnknown(podSetting)) return "unknown";
  if (podSetting === true) return "mounted";
  if (podSetting === false) return "not mounted";
  const own = account ? at(account.props, "automountServiceAccountToken") : undefined;
  if (isUnknown(own)) return "unknown";
  return own === false ? "not mounted" : "mounted";
}
