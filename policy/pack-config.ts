import { EnforcementLevel, Limits, Rule } from "./rule";
import { Environment } from "./view";
export { environmentOf } from "./facts";

/** One policy's entry in a policy config file: a level, or an object (the format `pulumi --policy-pack-config` reads). */
export type PolicyEntry =
  | EnforcementLevel
  | {
      enforcementLevel?: EnforcementLevel;
      /** Overrides the environment derived from the stack name. */
      environment?: Environment;
      /** Resources (Pulumi name or URN) this policy accepts, each with the reason written down. */
      exceptions?: Array<{ resource: string; reason: string }>;
      overwriteMax?: Partial<Limits["overwriteMax"]>;
    };

/** A policy config file: `{"all": level, "<policy>": entry}`, shared by the engine and policy:analyze. */
export type PolicyConfigFile = Record<string, PolicyEntry>;

export const DEFAULT_LIMITS: Record<Environment, Limits> = {
  dev: { overwriteMax: { cpu: "4", memory: "8Gi", ephemeralStorage: "20Gi" } },
  prod: { overwriteMax: { cpu: "4", memory: "8Gi", ephemeralStorage: "20Gi" } },
};

const LEVELS: readonly string[] = ["advisory", "mandatory", "disabled"];
function entryObject(entry: PolicyEntry | undefined) {
  return typeof entry === "object" ? entry : undefined;
}

/** What the config says for one rule in one environment. */
export interface ResolvedPolicy {
  level: EnforcementLevel;
  limits: Limits;
  exceptions: Array<{ resource: string; reason: string }>;
}

export function resolvePolicy(
  rule: Rule,
  environment: Environment,
  config: PolicyConfigFile,
): ResolvedPolicy {
  const own = config[rule.name];
  const all = config.all;
  const level =
    (typeof own === "string" ? own : own?.enforcementLevel) ??
    (typeof all === "string" ? all : entryObject(all)?.enforcementLevel) ??
    rule.enforcement[environment];
  const overwrite = entryObject(own)?.overwriteMax ?? {};
  return {
    level,
    limits: { overwriteMax: { ...DEFAULT_LIMITS[environment].overwriteMax, ...overwrite } },
    exceptions: entryObject(own)?.exceptions ?? [],
  };
}

/** An environment forced by the config (`all.environment`, or any policy's), if any. */
export function configuredEnvironment(config: PolicyConfigFile): Environment | undefined {
  return entryObject(config.all)?.environment;
}

/** Every problem of a policy config file, as messages naming the key; empty when it is valid. */
export function configProblems(config: unknown, ruleNames: readonly string[]): string[] {
  if (typeof config !== "object" || config === null || Array.isArray(config))
    return ["the policy config must be a JSON object"];
  const problems: string[] = [];
  for (const [name, entry] of Object.entries(config)) {
    if (name !== "all" && !ruleNames.includes(name))
      problems.push(`${name}: no such policy — use one of ${ruleNames.join(", ")}`);
    if (typeof entry === "string") {
      if (!LEVELS.includes(entry)) problems.push(`${name}: "${entry}" is not one of ${LEVELS.join(", ")}`);
      continue;
    }
    const record = (typeof entry === "object" && entry !== null ? entry : {}) as Record<string, unknown>;
    if (record.enforcementLevel !== undefined && !LEVELS.includes(String(record.enforcementLevel))) {
      problems.push(
        `${name}.enforcementLevel: "${String(record.enforcementLevel)}" is not one of ${LEVELS.join(", ")}`,
      );
    }
    if (record.environment !== undefined && record.environment !== "dev" && record.environment !== "prod") {
      problems.push(`${name}.environment: must be "dev" or "prod"`);
    }
    const exceptions = record.exceptions;
    if (
      exceptions !== undefined &&
      (!Array.isArray(exceptions) || exceptions.some((e) => !e?.resource || !e?.reason))
    ) {
      problems.push(`${name}.exceptions: must be a list of {resource, reason}, each with a reason`);
    }
  }
  return problems;
}

/** The config file that gives the engine one environment's enforcement levels (policy/config/<env>.json). */
export function engineConfigFor(environment: Environment, rules: readonly Rule[]): PolicyConfigFile {
  return Object.fromEntries(rules.map((rule) => [rule.name, rule.enforcement[environment]]));
}
