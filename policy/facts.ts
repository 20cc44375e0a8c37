// The one place the pack reads domain facts from the program; the bundle inlines them for publishing.
export { runnerRoleRules, rbacFeatures } from "../model/fleet/rbac";
