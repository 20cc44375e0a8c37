import { closestKey, type Problem } from "../model/problems";
import { PROJECT, type PlainConfig } from "./schema";

const at = (rest: string) => `${PROJECT}:monitoring.${rest}`;

/** Overrides must name a fleet of the stack, and a saturation threshold cannot exceed what a manager runs. */
function alertOverrideProblems(config: PlainConfig): Problem[] {
  const fleets = new Map(config.fleets.map((fleet) => [fleet.name, fleet]));
  const names = [...fleets.keys()];
  return Object.entries(config.monitoring.alerts.fleets).flatMap(([name, overrides]): Problem[] => {
    const fleet = fleets.get(name);
    if (!fleet) {
      const guess = closestKey(name, names);
      return [
        {
          path: at(`alerts.fleets.${name}`),
          reason: "names no fleet of this stack",
          fix: `${guess ? `did you mean ${guess}? ` : ""}override one of the stack's fleets: ${names.join(", ")}`,
        },
      ];
    }
    const jobs = overrides.saturated?.jobs;
    if (jobs === undefined || jobs <= fleet.concurrent) return [];
    return [
      {
        path: at(`alerts.fleets.${name}.saturated.jobs`),
        reason: `is ${jobs}, above the fleet's concurrent (${fleet.concurrent}), which no manager ever exceeds`,
        fix: `set at most ${fleet.concurrent}, or remove it to alert when a manager runs ${fleet.concurrent} jobs`,
      },
    ];
  });
}

/** A dashboard ConfigMap without a label is one Grafana's sidecar never loads. */
function dashboardLabelProblems(config: PlainConfig): Problem[] {
  const { dashboard } = config.monitoring;
  if (!dashboard.configMap || Object.keys(dashboard.labels).length > 0) return [];
  return [
    {
      path: at("dashboard.labels"),
      reason: "is empty while dashboard.configMap is on, so Grafana's dashboard sidecar would never load it",
      fix: 'set the label your sidecar watches (grafana_dashboard: "1" by default), or set dashboard.configMap to false',
    },
  ];
}

/** Problems of the `monitoring` key that involve the fleets or more than one of its keys. */
export function monitoringProblems(config: PlainConfig): Problem[] {
  return [...alertOverrideProblems(config), ...dashboardLabelProblems(config)];
}
