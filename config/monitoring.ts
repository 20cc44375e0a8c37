import type { MonitoringDelivery, MonitoringSpec } from "../model/monitoring";
import type { PlainConfig } from "./schema";

/** The stack's monitoring in the model's terms: what the alerts and dashboard are made of, and how they are delivered. */
export function monitoringOf(
  config: PlainConfig,
  stack: string,
): { spec: MonitoringSpec; delivery: MonitoringDelivery } {
  const { monitoring, cluster } = config;
  return {
    spec: {
      stack,
      managerNamespace: cluster.managerNamespace,
      fleets: config.fleets.map(({ name, concurrent, replicas, checkInterval }) => ({
        name,
        concurrent,
        replicas,
        checkInterval,
      })),
      overrides: monitoring.alerts.fleets,
      runbookUrl: monitoring.alerts.runbookUrl,
    },
    delivery: {
      alerts: monitoring.alerts.enabled,
      prometheusRule: monitoring.prometheusOperator,
      ruleLabels: monitoring.alerts.ruleLabels ?? monitoring.serviceMonitorLabels,
      ...(monitoring.dashboard.configMap
        ? {
            dashboardConfigMap: {
              namespace: monitoring.dashboard.namespace ?? cluster.managerNamespace,
              labels: monitoring.dashboard.labels,
            },
          }
        : {}),
    },
  };
}
