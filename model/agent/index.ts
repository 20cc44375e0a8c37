export {
  agentConfigPath,
  environmentSlugsByProject,
  readAgentConfig,
  renderAgentConfig,
  type AgentAuthorisation,
} from "./config-file";
export {
  AUTHENTICATION_GROUP,
  CI_JOB_EXTRA_KEYS,
  CI_JOB_GROUP,
  ENVIRONMENT_TIERS,
  agentImpersonationRules,
  ciJobIdentity,
  impersonableGroups,
  isCiJobGroup,
  projectEnvironmentGroup,
  type AuthorisedProject,
  type CiJob,
  type EnvironmentTier,
  type Identity,
  type NamedPolicyRule,
} from "./impersonation";
export { KAS_SCHEMES, defaultKasAddress, kasEndpoint, type KasEndpoint, type KasScheme } from "./kas";
export {
  AGENTK_PATHS,
  AGENTK_SERVICE_ACCOUNT,
  agentClusterRoleName,
  agentContext,
  agentNamespaceOfClusterRole,
  planAgent,
  type AgentPlan,
  type AgentSpec,
} from "./plan";
export { environmentSlug, slugSuffix } from "./slug";
export {
  AGENTK_OBSERVABILITY_PORT,
  AGENTK_USER,
  agentkDeploymentSpec,
  agentkDisruptionBudgetSpec,
  agentkNetworkPolicySpec,
} from "./workload";
