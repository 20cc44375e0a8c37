import * as assert from "node:assert/strict";
import { Violation, analyzeResources } from "../../policy/analyze";
import { Rule } from "../../policy/rule";
import { Environment, ResourceView } from "../../policy/view";

/** What one rule reports over a set of resources in one environment. */
export function violations(
  rule: Rule,
  resources: ResourceView[],
  environment: Environment = "prod",
): Violation[] {
  return analyzeResources(resources, environment, { rules: [rule], environment }).violations;
}

export function assertPasses(rule: Rule, resources: ResourceView[], environment: Environment = "prod"): void {
  const found = violations(rule, resources, environment);
  assert.deepEqual(
    found.map((v) => v.message),
    [],
    `${rule.name} should pass in ${environment}`,
  );
}

/**
 * Asserts the rule reports the resource, and that each message names the resource and carries a fix (after
 * " — "), and that the text mentions what the test says it should.
 */
export function assertFlags(
  rule: Rule,
  resources: ResourceView[],
  expected: { resource: string; mentions: RegExp; couldNotCheck?: boolean },
  environment: Environment = "prod",
): Violation[] {
  const found = violations(rule, resources, environment).filter((v) => v.resource.name === expected.resource);
  assert.ok(found.length > 0, `${rule.name} should flag ${expected.resource} in ${environment}`);
  const matching = found.filter((v) => expected.mentions.test(v.message));
  assert.ok(
    matching.length > 0,
    `${rule.name}: no message matches ${expected.mentions}: ${found.map((v) => v.message).join(" | ")}`,
  );
  for (const violation of matching) {
    assert.ok(
      violation.message.includes(expected.resource),
      `message names the resource: ${violation.message}`,
    );
    assert.match(violation.message, / — \S/, `message gives a fix: ${violation.message}`);
    if (expected.couldNotCheck !== undefined) assert.equal(violation.couldNotCheck, expected.couldNotCheck);
  }
  return matching;
}
