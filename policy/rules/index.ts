import { Rule } from "../rule";
import {
  agentBindingsApplicationNamespaces,
  agentCiAccessKnownProjects,
  agentImpersonationWithinTable,
} from "./agent";
import { jobPodsBoundedOverwrites } from "./job-pod-overwrites";
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
import {
  managerPodsHelperImagePinned,
  managerPodsPinnedImages,
  managerPodsResources,
  managerPodsRestricted,
} from "./manager-pods";
import {
  rbacDeployAccessScoped,
  rbacNoClusterWideBindings,
  rbacNoEscalationVerbs,
  rbacNoWildcards,
  rbacRunnerRoleWithinTable,
} from "./rbac";
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
import { storageCachesProtected, storageOssAclPrivate, storageOssPrivateEncrypted } from "./storage";

/** Every rule of the pack, by domain. */
export const RULES: readonly Rule[] = [
  rbacNoClusterWideBindings,
  rbacNoWildcards,
  rbacNoEscalationVerbs,
  rbacRunnerRoleWithinTable,
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
  jobPodsNoPrivileged,
  jobPodsNoHostPath,
  jobPodsNoDangerousCapabilities,
  jobPodsNoUnconfinedProfiles,
  jobPodsNonRootWhereRequired,
  jobPodsResourceLimits,
  jobPodsBoundedOverwrites,
  jobPodsSharedPullPolicy,
  jobPodsAllowedImages,
  jobPodsActiveDeadline,
  managerPodsRestricted,
  managerPodsResources,
  managerPodsPinnedImages,
  managerPodsHelperImagePinned,
  reliabilityGraceCoversLongestJob,
  reliabilityNoSubPathConfigMounts,
  reliabilityPdbAllowsDrains,
  storageCachesProtected,
  storageOssPrivateEncrypted,
  storageOssAclPrivate,
];
