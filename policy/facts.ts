// The one place the pack reads domain facts from the program; the bundle inlines them for publishing.
export { runnerRoleRules, rbacFeatures } from "../model/fleet/rbac";
export { AUTHENTICATION_GROUP, CI_JOB_EXTRA_KEYS, isCiJobGroup, readAgentConfig } from "../model/agent";
export { ANNOTATIONS, COMPONENTS } from "../model/labels";
