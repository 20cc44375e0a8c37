import {
  PolicyConfigFile,
  configProblems,
  configuredEnvironment,
  environmentOf,
  resolvePolicy,
} from "./pack-config";
import { ExportedResource, viewFromExport } from "./normalize";
import { EnforcementLevel, Limits, Rule, Severity } from "./rule";
import { RULES } from "./rules";
import { THREATS, ThreatId } from "./threats";
import { Environment, Finding, ResourceView, asArray, asRecord } from "./view";

export interface Violation {
  policy: string;
  level: Exclude<EnforcementLevel, "disabled">;
  severity: Severity;
  /** The paths of the threat model (policy/THREATS.md) the policy closes. */
  threats: Array<{ id: ThreatId; title: string }>;
  resource: { urn: string; name: string; type: string };
  field: string;
  message: string;
  /** The policy could not judge the value (unknown at preview, hidden) and says so instead of passing. */
  couldNotCheck: boolean;
  /** Set when the config accepts this resource for this policy: the reason; the level is then advisory. */
  exception?: string;
}

export interface Analysis {
  stack: string;
  environment: Environment;
  violations: Violation[];
  mandatory: number;
  advisory: number;
  rulesRun: number;
}

export interface AnalyzeOptions {
  /** A policy config file (`{"all": …, "<policy>": …}`), as `pulumi --policy-pack-config` takes it. */
  config?: PolicyConfigFile;
  /** Overrides the environment derived from the stack name. */
  environment?: Environment;
  rules?: readonly Rule[];
}

/** Input the analysis cannot work with (not a stack export, an invalid config): the CLI exits 2 on it. */
export class AnalysisInputError extends Error {}

export type LocatedFinding = Finding & { resource: ResourceView };

/** What one rule finds in a set of resources: each resource of its types, or the whole stack. */
export function runRule(
  rule: Rule,
  resources: ResourceView[],
  environment: Environment,
  limits: Limits,
): LocatedFinding[] {
  const context = { environment, limits };
  if (rule.kind === "stack") return rule.checkStack(resources, context);
  return resources
    .filter((resource) => rule.types.includes(resource.type))
    .flatMap((resource) => rule.check(resource, context).map((finding) => ({ ...finding, resource })));
}

function toViolation(
  rule: Rule,
  level: Violation["level"],
  finding: LocatedFinding,
  exceptions: Array<{ resource: string; reason: string }>,
): Violation {
  const { resource } = finding;
  const exception = exceptions.find((e) => e.resource === resource.name || e.resource === resource.urn);
  return {
    policy: rule.name,
    level: exception ? "advisory" : level,
    severity: rule.severity,
    threats: rule.threats.map((id) => ({ id, title: THREATS[id].title })),
    resource: { urn: resource.urn, name: resource.name, type: resource.type },
    field: finding.field,
    message: finding.message,
    couldNotCheck: finding.couldNotCheck === true,
    ...(exception ? { exception: exception.reason } : {}),
  };
}

const LEVEL_ORDER: Record<Violation["level"], number> = { mandatory: 0, advisory: 1 };

/** Runs every rule over resource views of one stack. */
export function analyzeResources(
  resources: ResourceView[],
  stack: string,
  options: AnalyzeOptions = {},
): Analysis {
  const config = options.config ?? {};
  const problems = configProblems(
    config,
    (options.rules ?? RULES).map((rule) => rule.name),
  );
  if (problems.length > 0) throw new AnalysisInputError(`invalid policy config:\n  ${problems.join("\n  ")}`);
  const environment = environmentOf(stack, options.environment ?? configuredEnvironment(config));
  const violations: Violation[] = [];
  let rulesRun = 0;
  for (const rule of options.rules ?? RULES) {
    const resolved = resolvePolicy(rule, environment, config);
    if (resolved.level === "disabled") continue;
    rulesRun += 1;
    for (const finding of runRule(rule, resources, environment, resolved.limits)) {
      violations.push(toViolation(rule, resolved.level, finding, resolved.exceptions));
    }
  }
  violations.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.policy.localeCompare(b.policy));
  const mandatory = violations.filter((v) => v.level === "mandatory").length;
  return { stack, environment, violations, mandatory, advisory: violations.length - mandatory, rulesRun };
}

/** The resources of a `pulumi stack export` (version 3) document, or an AnalysisInputError saying what is wrong. */
export function exportedResources(exportJson: unknown): ExportedResource[] {
  const deployment = asRecord(asRecord(exportJson)?.deployment);
  if (!deployment)
    throw new AnalysisInputError("not a stack export: expected {version, deployment: {resources: [...]}}");
  const resources = asArray(deployment.resources).map((entry) => asRecord(entry));
  if (resources.some((r) => typeof r?.urn !== "string" || typeof r?.type !== "string")) {
    throw new AnalysisInputError(
      "not a stack export: every deployment.resources entry needs a urn and a type",
    );
  }
  return resources as unknown as ExportedResource[];
}

function stackNameOf(views: ResourceView[]): string {
  const names = [...new Set(views.map((view) => view.stack).filter(Boolean))];
  if (names.length > 1) throw new AnalysisInputError(`the export mixes stacks: ${names.join(", ")}`);
  if (names.length === 0) throw new AnalysisInputError("the export holds no resource with a stack URN");
  return names[0];
}

/**
 * Runs the pack over a `pulumi stack export`-shaped document (synth's stack.json or a real export). The
 * environment comes from the options, the config, or the stack name in the URNs.
 */
export function analyzeStackExport(exportJson: unknown, options: AnalyzeOptions = {}): Analysis {
  const views = exportedResources(exportJson).map(viewFromExport);
  return analyzeResources(views, stackNameOf(views), options);
}
