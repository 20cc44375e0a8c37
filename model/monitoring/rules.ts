import { stringify } from "yaml";
import { DEFAULTS } from "../defaults";
import { ALERTS, type AlertDefinition } from "./alerts";
import { fleetMatchers } from "./series";
import {
  ALERT_KINDS,
  type AlertKind,
  type AlertOverride,
  type FleetAlertOverrides,
  type MonitoredFleet,
  type MonitoringSpec,
  type Severity,
} from "./settings";

/** One alerting rule as Prometheus (and a PrometheusRule's groups) write it. */
export interface AlertRule {
  alert: string;
  expr: string;
  for: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export interface RuleGroup {
  name: string;
  rules: AlertRule[];
}

/** An alert of one fleet with every setting decided: defaults, what the fleet implies, then its overrides. */
export interface ResolvedAlert {
  kind: AlertKind;
  name: string;
  enabled: boolean;
  for: string;
  severity: Severity;
  /** The number the expression compares with, when the alert has one. */
  threshold?: number;
}

type Defaults = { for: string; severity: Severity; seconds?: number; ratio?: number };

/** Each alert of a fleet as it will be rendered, in the order of ALERT_KINDS. */
export function resolveAlerts(fleet: MonitoredFleet, overrides: FleetAlertOverrides = {}): ResolvedAlert[] {
  return ALERT_KINDS.map((kind) => {
    const defaults: Defaults = DEFAULTS.monitoring.alerts.fleet[kind];
    const override = overrides[kind] ?? {};
    const threshold = thresholdOf(ALERTS[kind], fleet, override, defaults);
    return {
      kind,
      name: ALERTS[kind].name,
      enabled: override.enabled ?? true,
      for: override.for ?? defaults.for,
      severity: override.severity ?? defaults.severity,
      ...(threshold === undefined ? {} : { threshold }),
    };
  });
}

/** The fleet's own override, else what the fleet implies, else the constant default. */
function thresholdOf(
  definition: AlertDefinition,
  fleet: MonitoredFleet,
  override: AlertOverride,
  defaults: Defaults,
): number | undefined {
  const threshold = definition.threshold;
  if (!threshold) return undefined;
  const own = override[threshold.key];
  if (own !== undefined) return own;
  if (threshold.derived) return threshold.derived(fleet);
  return threshold.key === "jobs" ? undefined : defaults[threshold.key];
}

/** The anchor of an alert's section in the runbook page (its heading is the alert's name). */
export function runbookAnchor(alert: string): string {
  return alert.toLowerCase();
}

/** One group per fleet, each holding the fleet's enabled alerts. */
export function alertRuleGroups(spec: MonitoringSpec): RuleGroup[] {
  return spec.fleets.map((fleet) => ({
    name: `gitlab-runner-${fleet.name}`,
    rules: resolveAlerts(fleet, spec.overrides[fleet.name])
      .filter((alert) => alert.enabled)
      .map((alert) => alertRule(spec, fleet, alert)),
  }));
}

function alertRule(spec: MonitoringSpec, fleet: MonitoredFleet, alert: ResolvedAlert): AlertRule {
  const definition: AlertDefinition = ALERTS[alert.kind];
  const input = {
    sel: fleetMatchers(spec.managerNamespace, fleet.name),
    fleet,
    threshold: alert.threshold ?? 0,
  };
  return {
    alert: alert.name,
    expr: definition.expr(input),
    for: alert.for,
    // Static, so every alert names its fleet, also one whose expression keeps no label (`vector(0)`).
    labels: { severity: alert.severity, fleet: fleet.name, namespace: spec.managerNamespace },
    annotations: {
      summary: definition.summary,
      description: definition.description(input),
      runbook_url: `${spec.runbookUrl}#${runbookAnchor(alert.name)}`,
    },
  };
}

/** A Prometheus rule file (`rule_files:`), byte-identical for the same spec. */
export function renderRuleFile(groups: RuleGroup[], header: string[]): string {
  const comment = header.map((line) => `# ${line}`).join("\n");
  return `${comment}\n${stringify({ groups }, { lineWidth: 0 })}`;
}
