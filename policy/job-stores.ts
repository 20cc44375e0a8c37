import { TomlTable } from "./config-toml";
import { AZURE_WORKLOAD_IDENTITY, SECRETS_STORE_CSI_DRIVER } from "./identities";
import { findServiceAccount } from "./service-accounts";
import { ResourceView, asArray, asRecord, asString, at, objectName, objectNamespace } from "./view";

/**
 * Storage a job pod can write that outlives the job: where it lives (`base`), the part a mount sees (`path`,
 * from sub_path) and whether the mount may write.
 */
export interface JobStore {
  base: string;
  path: string;
  writable: boolean;
  /** How a message names it. */
  label: string;
}

const CLAIM_TYPE = "kubernetes:core/v1:PersistentVolumeClaim";
const VOLUME_TYPE = "kubernetes:core/v1:PersistentVolume";

/** A claim name with runner variables (`builds-$CI_CONCURRENT_ID`) stands for the family of claims it names. */
function claimFamily(name: string): string {
  return name.replace(/\$\{?[A-Za-z_][A-Za-z0-9_]*\}?/g, "*");
}

/** Where a claim's data lives: the NFS export or CSI volume of the PersistentVolume bound to it, if the stack has it. */
function claimBase(resources: ResourceView[], namespace: string, name: string): string {
  const claim = resources.find(
    (r) => r.type === CLAIM_TYPE && objectName(r) === name && objectNamespace(r) === namespace,
  );
  const volumeName = claim ? asString(at(claim.props, "spec.volumeName")) : undefined;
  const volume = resources.find(
    (r) =>
      r.type === VOLUME_TYPE &&
      ((volumeName !== undefined && objectName(r) === volumeName) ||
        (at(r.props, "spec.claimRef.name") === name && at(r.props, "spec.claimRef.namespace") === namespace)),
  );
  const nfs = volume && asRecord(at(volume.props, "spec.nfs"));
  if (nfs) return `nfs://${known(nfs.server)}${normalize(String(nfs.path ?? "/"))}`;
  const csi = volume && asRecord(at(volume.props, "spec.csi"));
  if (csi) return `csi://${String(csi.driver)}/${known(csi.volumeHandle)}`;
  return `claim ${namespace}/${claimFamily(name)}`;
}

/**
 * A server or handle as a store's identity. One unknown at preview (a NAS mount target the stack creates) counts
 * as the same for every volume, so volumes that may share it are judged as sharing it.
 */
function known(value: unknown): string {
  return typeof value === "string" ? value : "(unknown at preview)";
}

function normalize(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  return trimmed.startsWith("/") ? trimmed : `/${trimmed}`;
}

function mounts(kubernetes: TomlTable, kind: string): Array<Record<string, unknown>> {
  return asArray(at(kubernetes, `volumes.${kind}`)).map((entry) => asRecord(entry) ?? {});
}

function store(base: string, mount: Record<string, unknown>, label: string): JobStore {
  return { base, path: asString(mount.sub_path) ?? "", writable: mount.read_only !== true, label };
}

/** The cache's Azure identity, which every job pod of an Azure-cache fleet carries. */
function azureIdentity(resources: ResourceView[], kubernetes: TomlTable): JobStore[] {
  if (asRecord(kubernetes.pod_labels)?.[AZURE_WORKLOAD_IDENTITY.podLabel] !== "true") return [];
  const namespace = asString(kubernetes.namespace) ?? "default";
  const name = asString(kubernetes.service_account) || "default";
  const account = findServiceAccount(resources, { namespace, name });
  const clientId = asString(
    asRecord(at(account?.props, "metadata.annotations"))?.[AZURE_WORKLOAD_IDENTITY.clientIdAnnotation],
  );
  return clientId
    ? [
        {
          base: `azure-identity://${clientId}`,
          path: "",
          writable: true,
          label: `the Azure identity ${clientId}`,
        },
      ]
    : [];
}

/** Every store a `[runners.kubernetes]` table mounts into its job pods, besides host paths (a rule of their own). */
export function jobStores(resources: ResourceView[], kubernetes: TomlTable): JobStore[] {
  const namespace = asString(kubernetes.namespace) ?? "default";
  return [
    ...mounts(kubernetes, "pvc").map((m) => {
      const name = String(m.name);
      return store(claimBase(resources, namespace, name), m, `claim ${name}`);
    }),
    ...mounts(kubernetes, "nfs").map((m) =>
      store(
        `nfs://${String(m.server)}${normalize(String(m.path ?? "/"))}`,
        m,
        `NFS ${String(m.server)}:${String(m.path)}`,
      ),
    ),
    ...mounts(kubernetes, "csi")
      .filter((m) => m.driver !== SECRETS_STORE_CSI_DRIVER)
      .map((m) =>
        store(
          `csi://${String(m.driver)}/${stableJson(m.volume_attributes)}`,
          m,
          `CSI volume ${String(m.name)} (${String(m.driver)})`,
        ),
      ),
    ...azureIdentity(resources, kubernetes),
  ];
}

function stableJson(value: unknown): string {
  const record = asRecord(value) ?? {};
  return JSON.stringify(Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b))));
}

/** Whether two mounts of stores see common files: the same place, one inside the other. */
export function overlaps(a: JobStore, b: JobStore): boolean {
  if (a.base !== b.base) return false;
  const inside = (x: string, y: string) => y === "" || x === y || x.startsWith(`${y}/`);
  return inside(a.path, b.path) || inside(b.path, a.path);
}
