import type {
  Policy,
  PolicyConfigSchema,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import { PolicyEntry, environmentOf, resolvePolicy } from "./pack-config";
import { EngineResource, viewFromEngine } from "./normalize";
import { ResourceRule, Rule, StackRule } from "./rule";
import { RULES } from "./rules";
import { THREATS } from "./threats";
import { Finding, ResourceView } from "./view";

/** The per-policy config every policy of the pack accepts (besides enforcementLevel, which the engine owns). */
export const POLICY_CONFIG_SCHEMA: PolicyConfigSchema = {
  properties: {
    environment: { type: "string", enum: ["dev", "prod"] },
    exceptions: {
      type: "array",
      items: {
        type: "object",
        properties: { resource: { type: "string" }, reason: { type: "string", minLength: 1 } },
        required: ["resource", "reason"],
      },
    },
    overwriteMax: {
      type: "object",
      properties: {
        cpu: { type: "string" },
        memory: { type: "string" },
        ephemeralStorage: { type: "string" },
      },
    },
  },
};

type EngineEntry = Exclude<PolicyEntry, string>;

function settingsFor(rule: Rule, stack: string, entry: EngineEntry) {
  const environment = environmentOf(stack, entry.environment);
  const resolved = resolvePolicy(rule, environment, { [rule.name]: entry });
  return { context: { environment, limits: resolved.limits }, exceptions: resolved.exceptions };
}

function excepted(resource: ResourceView, exceptions: Array<{ resource: string }>): boolean {
  return exceptions.some((e) => e.resource === resource.name || e.resource === resource.urn);
}

/**
 * How a finding reads in the engine's output, which already names the policy and the resource's URN: the field,
 * the message, and the threats of policy/THREATS.md the policy closes.
 */
export function engineMessage(finding: Finding, rule: Rule): string {
  const closes = rule.threats.map((id) => `${id} ${THREATS[id].title}`).join("; ");
  return `${finding.couldNotCheck ? "could not check: " : ""}${finding.field}: ${finding.message} (closes ${closes})`;
}

function metadata(rule: Rule) {
  return {
    name: rule.name,
    description: rule.description,
    severity: rule.severity,
    // The code default is prod's level: an unconfigured stack is judged strictly (policy/config/<env>.json relaxes dev).
    enforcementLevel: rule.enforcement.prod,
    configSchema: POLICY_CONFIG_SCHEMA,
  };
}

function resourcePolicy(rule: ResourceRule): ResourceValidationPolicy {
  return {
    ...metadata(rule),
    validateResource: (args: ResourceValidationArgs, report: ReportViolation) => {
      if (!rule.types.includes(args.type)) return;
      if (rule.exportOnly) args.notApplicable(rule.exportOnly);
      const view = viewFromEngine(args);
      const { context, exceptions } = settingsFor(rule, view.stack, args.getConfig<EngineEntry>());
      if (excepted(view, exceptions)) return;
      for (const finding of rule.check(view, context)) report(engineMessage(finding, rule), view.urn);
    },
  };
}

function stackPolicy(rule: StackRule): StackValidationPolicy {
  return {
    ...metadata(rule),
    validateStack: (args: StackValidationArgs, report: ReportViolation) => {
      if (rule.exportOnly) args.notApplicable(rule.exportOnly);
      const views = args.resources.map((resource) => viewFromEngine(resource as EngineResource));
      if (views.length === 0) return;
      const { context, exceptions } = settingsFor(rule, views[0].stack, args.getConfig<EngineEntry>());
      for (const finding of rule.checkStack(views, context)) {
        if (!excepted(finding.resource, exceptions))
          report(engineMessage(finding, rule), finding.resource.urn);
      }
    },
  };
}

/** The pack's policies for the CrossGuard engine, one per rule. */
export function toPolicies(rules: readonly Rule[] = RULES): Policy[] {
  return rules.map((rule) => (rule.kind === "resource" ? resourcePolicy(rule) : stackPolicy(rule)));
}
