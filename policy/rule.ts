import type { ThreatId } from "./threats";
import { Environment, Finding, ResourceView } from "./view";

export type EnforcementLevel = "advisory" | "mandatory" | "disabled";
export type Severity = "low" | "medium" | "high" | "critical";

/** What a rule knows besides the resource: the environment and the tunable limits of the pack config. */
export interface RuleContext {
  environment: Environment;
  limits: Limits;
}

/** Ceilings that jobs may raise their own resources to (the `*_overwrite_max_allowed` keys). */
export interface Limits {
  overwriteMax: { cpu: string; memory: string; ephemeralStorage: string };
}

interface RuleMeta {
  name: string;
  description: string;
  severity: Severity;
  /** The paths of the threat model (policy/THREATS.md) the rule closes; at least one. */
  threats: readonly ThreatId[];
  /** Default enforcement per environment; prod is never laxer than dev. */
  enforcement: Record<Environment, EnforcementLevel>;
  /**
   * Set when the rule needs secretness, which the engine hides from policies (it hands them plaintext): the
   * engine then reports the rule as not applicable with this reason, and policy:analyze runs it on the export.
   */
  exportOnly?: string;
}

/** A rule over one resource at a time (a CrossGuard resource policy). */
export interface ResourceRule extends RuleMeta {
  kind: "resource";
  /** Resource types the rule judges; others are not applicable. */
  types: readonly string[];
  check(resource: ResourceView, context: RuleContext): Finding[];
}

/** A rule over the whole stack, for relations between resources (a CrossGuard stack policy). */
export interface StackRule extends RuleMeta {
  kind: "stack";
  checkStack(resources: ResourceView[], context: RuleContext): Array<Finding & { resource: ResourceView }>;
}

export type Rule = ResourceRule | StackRule;

export const MANDATORY: Record<Environment, EnforcementLevel> = { dev: "mandatory", prod: "mandatory" };
export const PROD_MANDATORY: Record<Environment, EnforcementLevel> = { dev: "advisory", prod: "mandatory" };
