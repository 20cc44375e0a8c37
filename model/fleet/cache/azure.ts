import { z } from "../../zod";
import { dnsName } from "../../config-toml";
import { DEFAULTS } from "../../defaults";
import type { CacheBackend } from "./backend";
import { sharing } from "./summaries";

const AZURE_ACCOUNT = /^[a-z0-9]{3,24}$/;
const AZURE_CONTAINER = /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Azure Workload Identity: a pod labelled `azure.workload.identity/use: "true"` running as a ServiceAccount
 * annotated with a managed identity's client id gets that identity's short-lived tokens. The runner's Azure cache
 * uses them when config.toml holds no AccountKey; both the manager (uploads, download URLs) and the job pods
 * need them.
 */
export const AZURE_WORKLOAD_IDENTITY = {
  podLabel: "azure.workload.identity/use",
  clientIdAnnotation: "azure.workload.identity/client-id",
} as const;

/**
 * An Azure Blob Storage container reached with Azure Workload Identity: no key anywhere, the managed identity
 * `clientId` (which holds "Storage Blob Data Contributor" on the container) is what the pods act as.
 */
export const azureCacheSpec = z.strictObject({
  type: z.literal("azure"),
  accountName: z.string().regex(AZURE_ACCOUNT, {
    message: "must be an Azure storage account name: 3-24 lower-case letters and digits",
  }),
  containerName: z.string().regex(AZURE_CONTAINER, {
    message: "must be an Azure container name: 3-63 lower-case letters, digits and single '-'",
  }),
  storageDomain: dnsName.optional(),
  /** Client id of the managed identity the manager and job pods act as (Azure Workload Identity). */
  clientId: z.uuid({ message: "must be the managed identity's client id (a UUID)" }),
  path: z.string().optional(),
  shared: z.boolean().default(DEFAULTS.fleet.cache.azure.shared),
});

export const azureCache = {
  // No AccountKey: the runner then authenticates with the pod's workload identity.
  section: ({ accountName, containerName, storageDomain, path, shared }) => ({
    type: "azure",
    path,
    shared,
    azure: { accountName, containerName, storageDomain },
  }),
  identity: ({ clientId }) => ({
    podLabels: { [AZURE_WORKLOAD_IDENTITY.podLabel]: "true" },
    serviceAccountAnnotations: { [AZURE_WORKLOAD_IDENTITY.clientIdAnnotation]: clientId },
  }),
  summary: (rendered) => {
    const azure = rendered.section?.azure;
    const where = `${azure?.accountName}/${azure?.containerName} (workload identity)`;
    return { store: "Azure", where, scope: sharing(rendered) };
  },
} satisfies CacheBackend<z.output<typeof azureCacheSpec>>;
