import fc from "fast-check";
import {
  CACHE_CREDENTIALS,
  CONFIG_SECTION,
  knowsKey,
  RUNNER_KEY_VERSIONS,
  type RunnerConfig,
  runnerConfigSchema,
  runnerEntrySchema,
  type RunnerVersion,
  type Section,
} from "../../../model/config-toml";
import { arbitraryOf, type Overrides } from "./from-schema";

/** Every key of a section as [camelCase path, TOML key], both dotted and without array indices. */
export function sectionKeys(section: Section = CONFIG_SECTION, model = "", toml = ""): [string, string][] {
  return Object.entries(section.keys).flatMap(([field, key]) => {
    const [m, t] = [model ? `${model}.${field}` : field, toml ? `${toml}.${key}` : key];
    const nested = section.nested[field];
    return [[m, t] as [string, string], ...(nested ? sectionKeys(nested, m, t) : [])];
  });
}

/** Fields renderConfigToml refuses to write whatever their value: secrets belong in the manager's environment. */
export const NEVER_RENDERED = [
  ...Object.entries(CACHE_CREDENTIALS).flatMap(([store, fields]) =>
    fields.map((field) => `runners.cache.${store}.${field}`),
  ),
  "runners.kubernetes.bearerToken",
];

/** A regular expression the runner compiles (Go RE2) for the `*_overwrite_allowed` keys. */
const OVERWRITE_PATTERN = fc.constantFrom("ci-.*", "^[a-z0-9-]+$", ".*");
const OVERWRITE_ALLOWED = [
  "namespaceOverwriteAllowed",
  "serviceAccountOverwriteAllowed",
  "podLabelsOverwriteAllowed",
  "podAnnotationsOverwriteAllowed",
  "nodeSelectorOverwriteAllowed",
  "nodeTolerationsOverwriteAllowed",
];

/** What the schemas cannot say for themselves, shared by the model's and the fleets' generators. */
export const KUBERNETES_OVERRIDES = (prefix: string): Overrides =>
  Object.fromEntries(OVERWRITE_ALLOWED.map((field) => [`${prefix}.${field}`, OVERWRITE_PATTERN]));

/** Leaves out every key `version` does not read, so the config is one that version's lint can pass. */
export function keysBeyondOverrides(version: RunnerVersion): Overrides {
  return Object.fromEntries(
    sectionKeys()
      .filter(([, key]) => !knowsKey(version, RUNNER_KEY_VERSIONS(key)!))
      .map(([path]) => [path, null]),
  );
}

/**
 * config.toml models valid by the model's schemas, drawing on every key the runner `version` reads: one or two
 * runners with the Kubernetes executor, each optional table present in some samples and absent in others.
 */
export function runnerConfigFor(version: RunnerVersion, complete = false): fc.Arbitrary<RunnerConfig> {
  const overrides: Overrides = {
    ...keysBeyondOverrides(version),
    ...Object.fromEntries(NEVER_RENDERED.map((path) => [path, null])),
    ...KUBERNETES_OVERRIDES("runners.kubernetes"),
    "runners.url": fc.constantFrom("https://gitlab.example.com", "http://192.168.31.3:83/"),
    "runners.token": fc.constant("${RUNNER_TOKEN}"),
    "runners.executor": fc.constant("kubernetes"),
  };
  const runner = arbitraryOf(runnerEntrySchema, { overrides, complete }, "runners");
  const runners = fc.array(runner, { minLength: 1, maxLength: 2 });
  return arbitraryOf(runnerConfigSchema, { overrides: { ...overrides, runners }, complete }).map(
    // fast-check builds objects without a prototype; the model's values are plain ones.
    (config) => JSON.parse(JSON.stringify(config)) as RunnerConfig,
  );
}
