import { COMPONENTS } from "../labels";
import type { CacheCredential } from "./cache";
import { DATA_KEYS } from "./constants";
import type { ObjectNames } from "./names";

/** How one value of a credential Secret is made from the values the stack holds (by their names). */
export type SecretValue =
  /** The value as it is. */
  | { kind: "value"; from: string }
  /** A `.dockerconfigjson` document for the registry, with the value as its password. */
  | { kind: "dockerConfig"; from: string; server: string; username: string }
  /** An SSH private key, given back the final newline OpenSSH needs (`"$(cat key)"` drops it). */
  | { kind: "sshKey"; from: string }
  /** Plain text from the stack file. */
  | { kind: "text"; text: string };

/** How the manager reads a credential Secret: as environment variables, or as files mounted from it. */
export type ManagerRead =
  { env: { name: string; key: string }[] } | { files: { volume: string; directory: string } };

/** One Secret holding credentials, exactly as the fleet's component creates it. */
export interface CredentialSecretPlan {
  /** Follows the fleet's resource name in the Secret's resource name (`<fleet>-cache-s3`). */
  suffix: string;
  name: string;
  namespace: string;
  /** The component label: the runner's in the manager namespace, the jobs' in the job namespace. */
  component: string;
  type: "Opaque" | "kubernetes.io/dockerconfigjson" | "kubernetes.io/ssh-auth";
  /** Data key → its value, in the order written. */
  data: Record<string, SecretValue>;
  /** How the manager reads it; absent when job pods mount it and the manager never reads it. */
  manager?: ManagerRead;
  /** The manager reads it only at start: rotating a value rolls the managers (a checksum on the pod template). */
  rollsManagers: boolean;
}

/** What decides a fleet's credential Secrets: which values the stack holds, and the plain parts beside them. */
export interface CredentialNeeds {
  /** The stack holds a registry credential (server and username here, the password a stack value). */
  registry?: { server: string; username: string };
  /** The fleet mounts the stack's Git SSH key (known_hosts here, the key a stack value). */
  gitSsh?: { knownHosts: string };
  /** The fleet's cache credential, as its backend states it. */
  cache?: CacheCredential;
  /** Names of the values the stack holds. */
  held: ReadonlySet<string>;
}

/** The names of the stack values a Secret is filled from. */
function valueNames(secret: CredentialSecretPlan): string[] {
  return Object.values(secret.data).flatMap((value) => ("from" in value ? [value.from] : []));
}

/**
 * A fleet's credential Secrets, each only when the stack holds its values: the registry credential (every fleet
 * pulls with it, kaniko fleets push), the Git SSH key (fleets with gitSsh on), and its cache's credential.
 */
export function credentialSecrets(
  fleet: string,
  names: ObjectNames,
  namespaces: { manager: string; jobs: string },
  needs: CredentialNeeds,
): CredentialSecretPlan[] {
  const secrets: CredentialSecretPlan[] = [];
  if (needs.registry) secrets.push(registrySecret(names, namespaces.jobs, needs.registry));
  if (needs.gitSsh) secrets.push(gitSshSecret(names, namespaces.jobs, needs.gitSsh));
  if (needs.cache) secrets.push(cacheSecret(fleet, namespaces.manager, needs.cache));
  return secrets.filter((secret) => valueNames(secret).every((name) => needs.held.has(name)));
}

/** The registry credential in the job namespace: image pull secret, and kaniko's push credential. */
function registrySecret(
  names: ObjectNames,
  namespace: string,
  registry: { server: string; username: string },
): CredentialSecretPlan {
  return {
    suffix: "registry",
    name: names.registrySecret,
    namespace,
    component: COMPONENTS.jobs,
    type: "kubernetes.io/dockerconfigjson",
    data: { [DATA_KEYS.dockerConfig]: { kind: "dockerConfig", from: "registryPassword", ...registry } },
    rollsManagers: false,
  };
}

/** The Git SSH key (the standard `kubernetes.io/ssh-auth` Secret) and known_hosts, for jobs to copy. */
function gitSshSecret(
  names: ObjectNames,
  namespace: string,
  gitSsh: { knownHosts: string },
): CredentialSecretPlan {
  return {
    suffix: "git-ssh",
    name: names.gitSshSecret,
    namespace,
    component: COMPONENTS.jobs,
    type: "kubernetes.io/ssh-auth",
    data: {
      [DATA_KEYS.sshPrivateKey]: { kind: "sshKey", from: "gitSshPrivateKey" },
      [DATA_KEYS.knownHosts]: { kind: "text", text: gitSsh.knownHosts },
    },
    rollsManagers: false,
  };
}

/** A cache backend's credential in the manager namespace, read as its backend says. */
function cacheSecret(fleet: string, namespace: string, credential: CacheCredential): CredentialSecretPlan {
  const name = `${fleet}-${credential.suffix}`;
  const env = credential.entries.flatMap((e) => (e.env ? [{ name: e.env, key: e.key }] : []));
  return {
    suffix: credential.suffix,
    name,
    namespace,
    component: COMPONENTS.runner,
    type: "Opaque",
    data: Object.fromEntries(credential.entries.map((e) => [e.key, { kind: "value", from: e.from }])),
    manager: credential.files ? { files: credential.files } : { env },
    rollsManagers: credential.rollsManagers,
  };
}
