import { z } from "../model/zod";
import { DEFAULTS } from "../model/defaults";
import { ALERT_KINDS, type AlertKind, SEVERITIES, durationSeconds } from "../model/monitoring";
import { labels } from "../model/formats";
import { namespaceName } from "./formats";

/**
 * The largest finite bucket of the runner's queue-time histogram: a longer wait cannot be told apart from it, and
 * histogram_quantile() never returns more, so a threshold must lie below it.
 */
export const QUEUE_HISTOGRAM_TOP_SECONDS = 3600;

const duration = z.string().superRefine((text, ctx) => {
  if (durationSeconds(text) !== undefined) return;
  const negative = text.trim().startsWith("-");
  ctx.addIssue({
    code: "custom",
    message: negative
      ? `${JSON.stringify(text)} is a negative duration`
      : `${JSON.stringify(text)} is not a Prometheus duration`,
    params: {
      fix: negative
        ? "an alert waits 0 or more: write a duration such as 0s, 5m or 1h30m"
        : "write whole numbers with units, largest first, such as 0s, 5m or 1h30m",
    },
  });
});

const common = {
  /** false drops the alert for this fleet. */
  enabled: z.boolean().optional(),
  for: duration.optional(),
  severity: z.enum(SEVERITIES).optional(),
};

const ratio = z
  .number()
  .gt(0, { message: "must be a share above 0 (0.1 is 10%)" })
  .max(1, { message: "must be a share of at most 1 (0.1 is 10%)" });

const queueSeconds = z.number().superRefine((seconds, ctx) => {
  if (seconds > 0 && seconds < QUEUE_HISTOGRAM_TOP_SECONDS) return;
  ctx.addIssue({
    code: "custom",
    message:
      seconds <= 0
        ? `${seconds} is a negative or zero duration`
        : `${seconds} s is not below the top bucket of the runner's queue-time histogram, so the alert could never fire`,
    params: {
      fix:
        seconds <= 0
          ? "give the acceptable wait in seconds, above 0 (300 is 5 minutes)"
          : `give less than ${QUEUE_HISTOGRAM_TOP_SECONDS}: the runner's histogram counts longer waits only as over ${QUEUE_HISTOGRAM_TOP_SECONDS} s, and the 90th percentile it gives is at most ${QUEUE_HISTOGRAM_TOP_SECONDS}`,
    },
  });
});

/** Per alert, the keys an override takes: the common ones and the alert's own threshold. */
const alertOverrides = {
  saturated: z.strictObject({ ...common, jobs: z.number().int().min(1).optional() }),
  queueing: z.strictObject({ ...common, seconds: queueSeconds.optional() }),
  requestsFailing: z.strictObject({ ...common, ratio: ratio.optional() }),
  stalled: z.strictObject(common),
  configReload: z.strictObject(common),
  jobsFailing: z.strictObject({ ...common, ratio: ratio.optional() }),
  managerDown: z.strictObject(common),
  fleetDown: z.strictObject(common),
} satisfies Record<AlertKind, z.ZodType>;

const fleetOverrides = z.strictObject(
  Object.fromEntries(ALERT_KINDS.map((kind) => [kind, alertOverrides[kind].optional()])) as {
    [K in AlertKind]: z.ZodOptional<(typeof alertOverrides)[K]>;
  },
);

const alertsSchema = z.strictObject({
  enabled: z.boolean().default(DEFAULTS.monitoring.alerts.enabled),
  /** Where docs/alerts.md is served; each alert's runbook_url is this with `#<alert>` appended. */
  runbookUrl: z
    .string()
    .min(1)
    .refine((url) => !url.includes("#"), { message: "must not hold an anchor: each alert appends its own" })
    .default(DEFAULTS.monitoring.alerts.runbookUrl),
  /** Labels of the PrometheusRule, which the Prometheus selects rules by; serviceMonitorLabels when unset. */
  ruleLabels: labels.optional(),
  /** Overrides per fleet name. */
  fleets: z.record(z.string(), fleetOverrides).default(() => ({})),
});

const dashboardSchema = z.strictObject({
  configMap: z.boolean().default(DEFAULTS.monitoring.dashboard.configMap),
  labels: labels.default(() => ({ ...DEFAULTS.monitoring.dashboard.labels })),
  /** Where the ConfigMap goes; the manager namespace when unset. */
  namespace: namespaceName.optional(),
});

export const monitoringSchema = z.strictObject({
  /** Create a ServiceMonitor for each runner manager and the PrometheusRule (requires the Prometheus Operator CRDs). */
  prometheusOperator: z.boolean().default(DEFAULTS.monitoring.prometheusOperator),
  /** Labels the Prometheus instance selects ServiceMonitors by (kube-prometheus-stack: `release: <name>`). */
  serviceMonitorLabels: labels.default(() => ({ ...DEFAULTS.monitoring.serviceMonitorLabels })),
  alerts: alertsSchema.prefault({}),
  dashboard: dashboardSchema.prefault({}),
});

export type MonitoringConfig = z.infer<typeof monitoringSchema>;
