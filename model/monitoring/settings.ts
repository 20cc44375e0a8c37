/** The alerts every fleet gets, by the key its overrides sit under (`monitoring.alerts.fleets.<fleet>.<kind>`). */
export const ALERT_KINDS = [
  "saturated",
  "queueing",
  "requestsFailing",
  "stalled",
  "configReload",
  "jobsFailing",
  "managerDown",
  "fleetDown",
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const SEVERITIES = ["critical", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What an override may change of one alert; absent keys keep the default. */
export interface AlertOverride {
  enabled?: boolean;
  /** How long the condition must hold before the alert fires (a Prometheus duration). */
  for?: string;
  severity?: Severity;
  /** `saturated`: jobs running per manager at which the fleet counts as full (at most its `concurrent`). */
  jobs?: number;
  /** `queueing`: the 90th percentile of the time jobs waited for a runner above which the alert fires. */
  seconds?: number;
  /** `requestsFailing`, `jobsFailing`: the share (0–1) of requests or jobs that failed above which it fires. */
  ratio?: number;
}

export type FleetAlertOverrides = Partial<Record<AlertKind, AlertOverride>>;

/** The settings of a fleet that its alerts are derived from. */
export interface MonitoredFleet {
  name: string;
  /** Jobs at once per manager replica: the runner's `concurrent` and `limit`. */
  concurrent: number;
  replicas: number;
  /** Seconds between the manager's looks for jobs. */
  checkInterval: number;
}

/** What the alerts and the dashboard of a stack are made from. */
export interface MonitoringSpec {
  stack: string;
  /** Where the managers run: every series of a fleet carries it as `namespace`. */
  managerNamespace: string;
  fleets: MonitoredFleet[];
  /** Per fleet name. */
  overrides: Record<string, FleetAlertOverrides>;
  /** The page each alert's `runbook_url` points into (an anchor per alert is appended). */
  runbookUrl: string;
}
