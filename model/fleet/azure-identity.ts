import type { FleetSpec } from "./spec";

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

/** The pod label a fleet's manager and job pods carry, when its cache is Azure. */
export function azureIdentityPodLabels(fleet: FleetSpec): Record<string, string> {
  return fleet.cache.type === "azure" ? { [AZURE_WORKLOAD_IDENTITY.podLabel]: "true" } : {};
}

/** The annotation a fleet's ServiceAccounts (manager and jobs) carry, when its cache is Azure. */
export function azureIdentityServiceAccountAnnotations(fleet: FleetSpec): Record<string, string> | undefined {
  return fleet.cache.type === "azure"
    ? { [AZURE_WORKLOAD_IDENTITY.clientIdAnnotation]: fleet.cache.clientId }
    : undefined;
}
