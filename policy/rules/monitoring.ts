import { PROD_MANDATORY, StackRule } from "../rule";
import { fleetsOf } from "../stack-index";
import { Finding, ResourceView, asArray, asRecord, asString, at, containsUnknown, describe } from "../view";

export const PROMETHEUS_RULE_TYPE = "kubernetes:monitoring.coreos.com/v1:PrometheusRule";

type Located = Finding & { resource: ResourceView };

/** The fleets the stack's PrometheusRules alert on: the `fleet` label of each alerting rule. */
function alertedFleets(resources: ResourceView[]): { fleets: Set<string>; unknown: ResourceView[] } {
  const fleets = new Set<string>();
  const unknown: ResourceView[] = [];
  for (const rule of resources.filter((r) => r.type === PROMETHEUS_RULE_TYPE)) {
    const groups = at(rule.props, "spec.groups");
    if (containsUnknown(groups)) {
      unknown.push(rule);
      continue;
    }
    for (const group of asArray(groups)) {
      for (const entry of asArray(asRecord(group)?.rules)) {
        const alert = asRecord(entry);
        const fleet = asString(asRecord(alert?.labels)?.fleet);
        if (alert?.alert !== undefined && fleet) fleets.add(fleet);
      }
    }
  }
  return { fleets, unknown };
}

export const reliabilityFleetAlerts: StackRule = {
  kind: "stack",
  name: "reliability-fleet-alerts",
  threats: ["MGR-11"],
  description:
    "Every fleet has alerting rules in the stack: a PrometheusRule with an alert labelled with the fleet's name (`fleet`).",
  severity: "medium",
  enforcement: PROD_MANDATORY,
  checkStack(resources) {
    const { fleets: alerted, unknown } = alertedFleets(resources);
    return fleetsOf(resources).flatMap((fleet): Located[] => {
      if (fleet.config.state !== "parsed") return [];
      return fleet.config.config.runners
        .map((runner) => asString(runner.name))
        .filter((name): name is string => name !== undefined && !alerted.has(name))
        .map((name) =>
          unknown.length > 0
            ? {
                resource: fleet.configMap,
                field: "data.config.toml",
                couldNotCheck: true,
                message: `${describe(fleet.configMap)}: fleet "${name}" may be in ${describe(unknown[0])}, whose groups are unknown at preview — render the alerting rules from configuration`,
              }
            : {
                resource: fleet.configMap,
                field: "data.config.toml",
                message: `${describe(fleet.configMap)}: no alerting rule watches fleet "${name}", so a manager that stops taking jobs, a saturated fleet or failing jobs page nobody — turn on monitoring.prometheusOperator and keep monitoring.alerts on for the fleet (docs/alerts.md)`,
              },
        );
    });
  },
};
