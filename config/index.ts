export { loadStackConfig, secretsNeeded } from "./load";
export type { StackConfig, StackSecrets } from "./load";
export { ConfigValidationError } from "./problems";
export { pulumiConfigReader } from "./reader";
export type { ConfigReader } from "./reader";
export { requiredSecrets } from "./rules";
export { PLAIN_KEYS, PROJECT, SECRET_KEYS, plainConfigSchema } from "./schema";
export type { BuildsConfig, CacheConfig, FleetConfig, PlainConfig, SecretKey } from "./schema";
