import { strict as assert } from "node:assert";
import fc from "fast-check";
import {
  ALERT_KINDS,
  ALERTS,
  MONITORING_FILES,
  type MonitoringDelivery,
  type MonitoringSpec,
  alertRuleGroups,
  buildDashboard,
  durationSeconds,
  formatDuration,
  planMonitoring,
  resolveAlerts,
} from "../../../../model/monitoring";
import { LABELS } from "../../../../model/labels";
import { unknownNames } from "../../../helpers/promql-names";
import { readRunnerMetricsCopy } from "../../../helpers/runner-metrics";
import { SPEC } from "../../../monitoring/alert-cases";

const KNOWN = readRunnerMetricsCopy();
const K8S = SPEC.fleets[0];
const DELIVERY: MonitoringDelivery = {
  alerts: true,
  prometheusRule: true,
  ruleLabels: { release: "kube-prometheus-stack" },
  dashboardConfigMap: { namespace: "monitoring", labels: { grafana_dashboard: "1" } },
};

const byKind = (spec = SPEC, fleet = K8S) =>
  Object.fromEntries(resolveAlerts(fleet, spec.overrides[fleet.name]).map((a) => [a.kind, a]));

describe("monitoring model: alerts derived from each fleet's settings", () => {
  it("the saturation threshold is the fleet's concurrent; the rest are the documented defaults", () => {
    const alerts = byKind();
    assert.equal(alerts.saturated.threshold, 4);
    assert.equal(alerts.queueing.threshold, 300);
    assert.equal(alerts.requestsFailing.threshold, 0.1);
    assert.deepEqual(
      ALERT_KINDS.map((k) => [k, alerts[k].for, alerts[k].severity]),
      [
        ["saturated", "15m", "warning"],
        ["queueing", "10m", "warning"],
        ["requestsFailing", "10m", "critical"],
        ["stalled", "5m", "critical"],
        ["configReload", "0s", "warning"],
        ["jobsFailing", "15m", "warning"],
        ["managerDown", "5m", "warning"],
        ["fleetDown", "5m", "critical"],
      ],
    );
  });

  it("a fleet's overrides win over what its settings imply, key by key", () => {
    const spec: MonitoringSpec = {
      ...SPEC,
      overrides: { k8s: { saturated: { jobs: 3 }, queueing: { seconds: 900, severity: "critical" } } },
    };
    const alerts = byKind(spec);
    assert.equal(alerts.saturated.threshold, 3);
    assert.equal(alerts.saturated.for, "15m");
    assert.deepEqual(
      [alerts.queueing.threshold, alerts.queueing.severity, alerts.queueing.for],
      [900, "critical", "10m"],
    );
    assert.match(alertRuleGroups(spec)[0].rules[0].expr, />= 3 \* count by/);
  });

  it("replicas and checkInterval reach the expressions: the managers expected, the window a stall is judged over", () => {
    const rules = alertRuleGroups({ ...SPEC, fleets: [{ ...K8S, replicas: 3, checkInterval: 30 }] })[0].rules;
    const expr = (name: string) => rules.find((r) => r.alert === name)!.expr;
    assert.match(expr(ALERTS.managerDown.name), /< 3$/);
    assert.match(expr(ALERTS.stalled.name), /\[10m\]\)\) == 0/);
  });

  it("a disabled alert is left out of its fleet's group only", () => {
    const groups = alertRuleGroups({ ...SPEC, overrides: { k8s: { stalled: { enabled: false } } } });
    assert.ok(!groups[0].rules.some((r) => r.alert === ALERTS.stalled.name));
    assert.ok(groups[1].rules.some((r) => r.alert === ALERTS.stalled.name));
  });

  it("every alert's labels name its fleet and severity; its runbook_url points at its section of the runbook", () => {
    for (const group of alertRuleGroups(SPEC)) {
      const fleet = group.name.replace(/^gitlab-runner-/, "");
      for (const rule of group.rules) {
        assert.equal(rule.labels.fleet, fleet);
        assert.equal(rule.labels.namespace, SPEC.managerNamespace);
        assert.ok(["critical", "warning", "info"].includes(rule.labels.severity));
        assert.equal(rule.annotations.runbook_url, `${SPEC.runbookUrl}#${rule.alert.toLowerCase()}`);
        assert.match(rule.expr, new RegExp(`service="${fleet}-runner-metrics"`));
      }
    }
  });
});

describe("monitoring model: the plan and its files", () => {
  it("a PrometheusRule only with alerts and the operator; a dashboard ConfigMap only when asked for", () => {
    const plan = planMonitoring(SPEC, DELIVERY);
    assert.equal(plan.prometheusRule?.metadata.namespace, SPEC.managerNamespace);
    assert.equal(plan.prometheusRule?.metadata.labels.release, "kube-prometheus-stack");
    assert.equal(plan.prometheusRule?.metadata.labels[LABELS.partOf], "gitlab-ci-platform");
    assert.deepEqual(plan.prometheusRule?.spec.groups, plan.ruleGroups);
    assert.equal(plan.dashboardConfigMap?.metadata.namespace, "monitoring");
    assert.equal(plan.dashboardConfigMap?.metadata.labels.grafana_dashboard, "1");
    assert.equal(
      plan.dashboardConfigMap?.data[`gitlab-runner-${SPEC.stack}.json`],
      plan.files.get(MONITORING_FILES.dashboard),
    );
    const without = planMonitoring(SPEC, {
      ...DELIVERY,
      prometheusRule: false,
      dashboardConfigMap: undefined,
    });
    assert.equal(without.prometheusRule, undefined);
    assert.equal(without.dashboardConfigMap, undefined);
    assert.ok(
      without.files.has(MONITORING_FILES.rules),
      "the rule file is for a Prometheus without the operator",
    );
    const off = planMonitoring(SPEC, { ...DELIVERY, alerts: false });
    assert.deepEqual(
      [off.ruleGroups, off.prometheusRule, off.files.has(MONITORING_FILES.rules)],
      [[], undefined, false],
    );
  });

  it("the same fleets render byte-identical rules and dashboard, naming only the runner's metrics and labels", () => {
    const fleet = fc.record({
      name: fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/),
      concurrent: fc.integer({ min: 1, max: 500 }),
      replicas: fc.integer({ min: 1, max: 10 }),
      checkInterval: fc.integer({ min: 0, max: 600 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(fleet, { minLength: 1, maxLength: 4, selector: (f) => f.name }),
        (fleets) => {
          const spec = { ...SPEC, fleets, overrides: {} };
          const first = planMonitoring(spec, DELIVERY).files;
          assert.deepEqual(planMonitoring(structuredClone(spec), DELIVERY).files, first);
          const exprs = [
            ...alertRuleGroups(spec).flatMap((g) => g.rules.map((r) => r.expr)),
            ...buildDashboard(spec).panels.flatMap((p) =>
              "targets" in p ? p.targets.map((t) => t.expr) : [],
            ),
          ];
          assert.deepEqual(
            exprs.flatMap((e) => unknownNames(e, KNOWN)),
            [],
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it("a metric or label the runner does not export is caught", () => {
    assert.deepEqual(unknownNames('sum by (fleet) (gitlab_runner_limits{runner="a"})', KNOWN), [
      "metric gitlab_runner_limits",
      "label fleet (grouped by)",
    ]);
    assert.deepEqual(unknownNames('gitlab_runner_failed_jobs_total{system_id="s"}', KNOWN), [
      "label system_id of gitlab_runner_failed_jobs_total",
    ]);
  });
});

describe("monitoring model: the dashboard", () => {
  const dashboard = buildDashboard(SPEC);

  it("has variables for the data source, the namespace (the managers') and the fleets", () => {
    const vars = dashboard.templating.list;
    assert.deepEqual(
      vars.map((v) => [v.name, v.type]),
      [
        ["datasource", "datasource"],
        ["namespace", "query"],
        ["fleet", "query"],
      ],
    );
    assert.equal(vars[1].current?.value, SPEC.managerNamespace);
    assert.equal(vars[2].regex, "/^(.+)-runner-metrics$/");
    assert.ok(vars[2].multi && vars[2].includeAll);
  });

  it("repeats a row per fleet whose panels query that fleet's series through the variables", () => {
    const [row, ...panels] = dashboard.panels;
    assert.equal("repeat" in row && row.repeat, "fleet");
    assert.ok(panels.length >= 9);
    for (const panel of panels) {
      assert.ok("targets" in panel && panel.targets.length > 0, panel.title);
      for (const target of panel.targets) {
        assert.match(target.expr, /namespace="\$namespace", service="\$\{fleet\}-runner-metrics"/);
        assert.equal(target.datasource.uid, "${datasource}");
      }
      assert.ok(panel.gridPos.x + panel.gridPos.w <= 24);
    }
    assert.equal(
      new Set(dashboard.panels.map((p) => p.id)).size,
      dashboard.panels.length,
      "panel ids are unique",
    );
  });

  it("names its uid after the stack, within Grafana's 40 characters", () => {
    assert.equal(dashboard.uid, "gitlab-runner-alerts-test");
    assert.equal(buildDashboard({ ...SPEC, stack: "x".repeat(60) }).uid.length, 40);
  });
});

describe("monitoring model: Prometheus durations", () => {
  it("reads what Prometheus reads, and refuses signs, fractions and units out of order", () => {
    assert.deepEqual(
      ["0", "0s", "15m", "1h30m", "1d", "90s"].map(durationSeconds),
      [0, 0, 900, 5400, 86400, 90],
    );
    for (const bad of ["-5m", "1.5h", "15", "m", "30m1h", "5m5m", ""])
      assert.equal(durationSeconds(bad), undefined, bad);
    assert.deepEqual([0, 300, 5400, 610].map(formatDuration), ["0s", "5m", "1h30m", "10m10s"]);
  });
});
