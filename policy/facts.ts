// The one place the pack reads domain facts from the program (eslint refuses model imports anywhere else in the
// pack); the bundle inlines them for publishing.
export { credentialIn, isCredentialName } from "../model/credentials";
export { environmentOf } from "../model/environment";
export { rbacFeatures, runnerRoleRules } from "../model/fleet/rbac";
export { unpinnedReason } from "../model/images";
