import { parse } from "yaml";
import { MONITORING_FILES, type RuleGroup } from "../../model/monitoring";

/** summary.md's section on alerting: each fleet's alerts, read back from the rule file synth wrote. */
export function alertsSection(
  files: Map<string, string>,
  table: (headers: string[], rows: string[][]) => string,
): string {
  const text = files.get(MONITORING_FILES.rules);
  const groups = text ? (parse(text) as { groups: RuleGroup[] }).groups : [];
  const rows = groups.flatMap((group) =>
    group.rules.map((rule) => [rule.labels.fleet, `\`${rule.alert}\``, rule.labels.severity, rule.for]),
  );
  const where = text
    ? `Rules: \`${MONITORING_FILES.rules}\`; dashboard: \`${MONITORING_FILES.dashboard}\` (see docs/alerts.md).\n`
    : `Alerts are off (monitoring.alerts.enabled); dashboard: \`${MONITORING_FILES.dashboard}\`.\n`;
  return [`## Alerts\n`, table(["fleet", "alert", "severity", "for"], rows), where].join("\n");
}
