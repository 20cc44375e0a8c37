// The one place the pack reads domain facts from the program; the bundle inlines them for publishing.
export { runnerRoleRules, rbacFeatures } from "../model/fleet/rbac";
export { POD_SECURITY_ENFORCE_LABEL } from "../model/pod-security";
export { AZURE_WORKLOAD_IDENTITY } from "../model/fleet/azure-identity";
