import { Rule } from "../rule";
import { agentBindingsApplicationNamespaces, agentImpersonationWithinTable } from "./agent";
import { agentCiAccessKnownProjects } from "./agent-config";
import { jobPodsAllowedServices } from "./job-pod-images";
import { jobPodsIdentityOverwrites } from "./job-pod-identity";
import { jobPodsMetadataOverwrites } from "./job-pod-metadata";
import { jobPodsBoundedOverwrites } from "./job-pod-overwrites";
import { jobPodsPodSpecPatches } from "./job-pod-patches";
import { jobPodsNonRootWhereRequired, jobPodsSharedPullPolicy } from "./job-pod-scope";
import {
  jobPodsActiveDeadline,
  jobPodsAllowedImages,
  jobPodsNoDangerousCapabilities,
  jobPodsNoHostPath,
  jobPodsNoPrivileged,
  jobPodsNoUnconfinedProfiles,
  jobPodsResourceLimits,
} from "./job-pods";
import { jobPodsNoSharedWritableVolumes } from "./job-volumes";
import { lifecycleAccessNotRetained, lifecycleManagerDependsOnItsAccess } from "./lifecycle";
import {
  managerPodsHelperImagePinned,
  managerPodsPinnedImages,
  managerPodsResources,
  managerPodsRestricted,
} from "./manager-pods";
import { reliabilityFleetAlerts } from "./monitoring";
import { namespacesPodSecurityEnforced } from "./namespaces";
import {
  rbacDeployAccessScoped,
  rbacNoClusterWideBindings,
  rbacNoEscalationVerbs,
  rbacNoWildcards,
  rbacRunnerRoleWithinTable,
} from "./rbac";
import { rbacRunnerBindingsScoped } from "./rbac-bindings";
import {
  reliabilityGraceCoversLongestJob,
  reliabilityNoSubPathConfigMounts,
  reliabilityPdbAllowsDrains,
} from "./reliability";
import { runnersCredentialedTaggedLocked, runnersProtectCredentialedFleets } from "./runners";
import {
  secretsEncryptedInState,
  secretsNoEnvLiterals,
  secretsNoPlainStackOutputs,
  secretsNotInConfigMaps,
} from "./secrets";
import { secretsKubeconfigVariables, secretsVariablesMaskedProtected } from "./variables";
import {
  storageCachesProtected,
  storageOssAclPrivate,
  storageOssPrivateEncrypted,
  storageVolumesBoundToTheirClaim,
} from "./storage";

/**
 * Every rule of the pack, by domain. A new rule is one const in its domain's file, listed here with the threats
 * (policy/threats) it closes; the docs, the engine wiring and both profiles' configs follow from this list.
 */
export const RULES: readonly Rule[] = [
  rbacNoClusterWideBindings,
  rbacNoWildcards,
  rbacNoEscalationVerbs,
  rbacRunnerRoleWithinTable,
  rbacRunnerBindingsScoped,
  rbacDeployAccessScoped,
  agentImpersonationWithinTable,
  agentBindingsApplicationNamespaces,
  agentCiAccessKnownProjects,
  secretsNotInConfigMaps,
  secretsNoEnvLiterals,
  secretsEncryptedInState,
  secretsNoPlainStackOutputs,
  secretsVariablesMaskedProtected,
  secretsKubeconfigVariables,
  runnersProtectCredentialedFleets,
  runnersCredentialedTaggedLocked,
  namespacesPodSecurityEnforced,
  jobPodsNoPrivileged,
  jobPodsNoHostPath,
  jobPodsNoDangerousCapabilities,
  jobPodsNoUnconfinedProfiles,
  jobPodsNonRootWhereRequired,
  jobPodsPodSpecPatches,
  jobPodsNoSharedWritableVolumes,
  jobPodsResourceLimits,
  jobPodsBoundedOverwrites,
  jobPodsIdentityOverwrites,
  jobPodsMetadataOverwrites,
  jobPodsSharedPullPolicy,
  jobPodsAllowedImages,
  jobPodsAllowedServices,
  jobPodsActiveDeadline,
  managerPodsRestricted,
  managerPodsResources,
  managerPodsPinnedImages,
  managerPodsHelperImagePinned,
  lifecycleManagerDependsOnItsAccess,
  lifecycleAccessNotRetained,
  reliabilityGraceCoversLongestJob,
  reliabilityNoSubPathConfigMounts,
  reliabilityPdbAllowsDrains,
  reliabilityFleetAlerts,
  storageCachesProtected,
  storageOssPrivateEncrypted,
  storageOssAclPrivate,
  storageVolumesBoundToTheirClaim,
];
