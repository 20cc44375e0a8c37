import { reliabilityFleetAlerts } from "../../policy/rules/monitoring";
import { UNKNOWN } from "../../policy/view";
import { assertFlags, assertPasses, violations } from "./check";
import { alertRules, passingStack, replace, resourceWith } from "./fixtures";
import * as assert from "node:assert/strict";

describe("policy: every fleet has alerts (reliability-fleet-alerts)", () => {
  it("a stack whose PrometheusRule alerts on its fleet passes", () => {
    assertPasses(reliabilityFleetAlerts, passingStack());
  });

  it("a prod fleet without alerting rules is a mandatory finding; in dev an advisory one", () => {
    const stack = passingStack().filter((r) => r.name !== "monitoring-alerts");
    assertFlags(reliabilityFleetAlerts, stack, {
      resource: "build-config",
      mentions: /no alerting rule watches fleet "build"/,
    });
    assert.equal(violations(reliabilityFleetAlerts, stack, "prod")[0].level, "mandatory");
    assert.equal(violations(reliabilityFleetAlerts, stack, "dev")[0].level, "advisory");
  });

  it("alerts on another fleet do not count for this one", () => {
    assertFlags(reliabilityFleetAlerts, replace(passingStack(), alertRules("prod", ["deploy"])), {
      resource: "build-config",
      mentions: /fleet "build"/,
    });
  });

  it("a rule without the fleet label (a recording rule, or alerts for something else) does not count", () => {
    const unlabelled = resourceWith(alertRules(), "spec.groups.0.rules.0.labels", { severity: "warning" });
    assertFlags(reliabilityFleetAlerts, replace(passingStack(), unlabelled), {
      resource: "build-config",
      mentions: /fleet "build"/,
    });
  });

  it("rule groups unknown at preview are reported as could not check", () => {
    const unknown = resourceWith(alertRules(), "spec.groups", UNKNOWN);
    assertFlags(reliabilityFleetAlerts, replace(passingStack(), unknown), {
      resource: "build-config",
      mentions: /unknown at preview/,
      couldNotCheck: true,
    });
  });
});
