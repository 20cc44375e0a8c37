// Schemas and types of config.toml's sections (camelCase model).
export { type Affinity, affinitySchema, type LabelSelector, labelSelectorSchema } from "./affinity";
export {
  azureCacheSchema,
  CACHE_CREDENTIALS,
  type AzureCache,
  cacheSettingsSchema,
  type CacheSettings,
  gcsCacheSchema,
  type GcsCache,
  s3CacheSchema,
  type S3Cache,
} from "./cache";
export {
  CONFIG_SECTION,
  GLOBAL_KEYS_OUTSIDE_MODEL,
  globalSettingsSchema,
  type GlobalSettings,
  runnerConfigSchema,
  type RunnerConfig,
  runnerConfigTemplateSchema,
  type RunnerConfigTemplate,
  sessionServerSchema,
  type SessionServer,
} from "./global";
export {
  KUBERNETES_KEYS,
  KUBERNETES_SECTION,
  kubernetesSettingsSchema,
  type KubernetesSettings,
} from "./kubernetes";
export { admissibleHostAliasSchema, hostAliasSchema, type HostAlias } from "./pod-extras";
export { dnsName, featureFlags, ipAddress, quantity } from "./primitives";
export {
  RUNNER_KEYS,
  RUNNER_KEYS_OUTSIDE_MODEL,
  RUNNER_SECTION,
  runnerEntrySchema,
  type RunnerEntry,
  runnerTemplateSchema,
  type RunnerTemplate,
} from "./runner-entry";

// Rendering, parsing and validation.
export { renderConfigToml } from "./render";
export { REQUIRED_WHEN_PRESENT, requiredFieldKey } from "./required-fields";
export {
  compareRunnerVersions,
  type KeyBeyondVersion,
  type KeyLife,
  keysBeyond,
  type KeyVersionTable,
  knowsKey,
  RUNNER_KEY_VERSIONS,
  runnerVersion,
  type RunnerVersion,
  versionNeeded,
} from "./runner-versions";
export {
  keyOutsideModel,
  parseConfigTemplateToml,
  parseConfigToml,
  type ParseResult,
  readConfigTable,
  readToml,
  type TemplateParseResult,
} from "./parse";
export {
  validateKubernetesSettings,
  validateModel,
  validateRunnerConfig,
  type ValidationResult,
} from "./validate";

// Building blocks for tools that map config.toml keys (the importer).
export { fieldForTomlKey, type Section } from "./section";
export { tomlPathOf, tomlSegmentsOf } from "./toml-path";
export { isTable, type Table } from "./toml-tree";
