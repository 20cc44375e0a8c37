export { ALERTS, FAILING_API_STATUSES, PLATFORM_FAILURE_REASONS, stalledWindowSeconds } from "./alerts";
export { FLEET_PANELS } from "./dashboard-panels";
export { buildDashboard, dashboardUid, renderDashboard } from "./dashboard";
export type { GrafanaDashboard } from "./dashboard";
export { durationSeconds, formatDuration } from "./durations";
export { MONITORING_FILES, planMonitoring } from "./plan";
export type { MonitoringDelivery, MonitoringPlan } from "./plan";
export { alertRuleGroups, renderRuleFile, resolveAlerts, runbookAnchor } from "./rules";
export type { AlertRule, ResolvedAlert, RuleGroup } from "./rules";
export { FLEET_LABELS, RUNNER_METRICS, TARGET_LABELS, UP, fleetMatchers, fleetService } from "./series";
export { ALERT_KINDS, SEVERITIES } from "./settings";
export type {
  AlertKind,
  AlertOverride,
  FleetAlertOverrides,
  MonitoredFleet,
  MonitoringSpec,
  Severity,
} from "./settings";
