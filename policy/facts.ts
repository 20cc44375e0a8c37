// The one place the pack reads domain facts from the program (eslint refuses model imports anywhere else in the
// pack); the bundle inlines them for publishing.
export { credentialIn, isCredentialName } from "../model/credentials";
export { environmentOf } from "../model/environment";
export { AZURE_WORKLOAD_IDENTITY } from "../model/fleet/cache/azure";
export { rbacFeatures, runnerRoleRules } from "../model/fleet/rbac";
export { unpinnedReason } from "../model/images";
export { POD_SECURITY_ENFORCE_LABEL } from "../model/pod-security";
export {
  AGENTK_SERVICE_ACCOUNT,
  AUTHENTICATION_GROUP,
  CI_JOB_EXTRA_KEYS,
  agentNamespaceOfClusterRole,
  environmentSlug,
  isCiJobGroup,
  readAgentConfig,
} from "../model/agent";
export { readAgentAccessAnnotation } from "../model/deploy/plan";
export { ANNOTATIONS, COMPONENTS, LABELS } from "../model/labels";
