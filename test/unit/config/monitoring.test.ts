import { strict as assert } from "node:assert";
import { ConfigValidationError, loadStackConfig, monitoringOf } from "../../../config";
import { formatProblem } from "../../../model/problems";
import { fakeReader, validValues } from "../../helpers/config-reader";

const P = "gitlab-ci-platform:monitoring";
const FLEETS = [
  { name: "k8s", tags: ["k8s"], concurrent: 10 },
  { name: "kaniko", tags: ["kaniko"], concurrent: 4 },
];

function load(monitoring: Record<string, unknown>) {
  return loadStackConfig(fakeReader({ ...validValues(), fleets: FLEETS, monitoring }, ["gitlabToken"]));
}

function problemsOf(monitoring: Record<string, unknown>): string[] {
  try {
    load(monitoring);
  } catch (err) {
    assert.ok(err instanceof ConfigValidationError, String(err));
    return err.problems.map(formatProblem);
  }
  return [];
}

const alertsFor = (fleets: Record<string, unknown>) => ({ alerts: { fleets } });

/** Each case: the monitoring key, the key path the message names, and a phrase of the reason or fix. */
const INVALID: [name: string, monitoring: Record<string, unknown>, path: string, says: string][] = [
  [
    "an override naming no fleet of the stack",
    alertsFor({ kanico: { stalled: { for: "10m" } } }),
    "alerts.fleets.kanico",
    "did you mean kaniko?",
  ],
  [
    "a saturation threshold above the fleet's concurrent",
    alertsFor({ kaniko: { saturated: { jobs: 5 } } }),
    "alerts.fleets.kaniko.saturated.jobs",
    "set at most 4",
  ],
  [
    "a negative duration",
    alertsFor({ k8s: { queueing: { for: "-5m" } } }),
    "alerts.fleets.k8s.queueing.for",
    "negative",
  ],
  [
    "a duration Prometheus cannot read",
    alertsFor({ k8s: { stalled: { for: "5 min" } } }),
    "alerts.fleets.k8s.stalled.for",
    "1h30m",
  ],
  [
    "a negative queue time",
    alertsFor({ k8s: { queueing: { seconds: -60 } } }),
    "alerts.fleets.k8s.queueing.seconds",
    "above 0",
  ],
  [
    "a queue time the runner's histogram cannot tell",
    alertsFor({ k8s: { queueing: { seconds: 7200 } } }),
    "alerts.fleets.k8s.queueing.seconds",
    "less than 3600",
  ],
  [
    "a queue time at the histogram's top bucket, which histogram_quantile never exceeds",
    alertsFor({ k8s: { queueing: { seconds: 3600 } } }),
    "alerts.fleets.k8s.queueing.seconds",
    "could never fire",
  ],
  [
    "a ratio above 1",
    alertsFor({ k8s: { jobsFailing: { ratio: 10 } } }),
    "alerts.fleets.k8s.jobsFailing.ratio",
    "at most 1",
  ],
  [
    "a threshold the alert does not take",
    alertsFor({ k8s: { stalled: { jobs: 2 } } }),
    "alerts.fleets.k8s.stalled.jobs",
    'unknown key "jobs"',
  ],
  [
    "an unknown alert",
    alertsFor({ k8s: { saturation: {} } }),
    "alerts.fleets.k8s.saturation",
    "did you mean saturated?",
  ],
  [
    "an unknown severity",
    alertsFor({ k8s: { stalled: { severity: "page" } } }),
    "alerts.fleets.k8s.stalled.severity",
    "critical",
  ],
  [
    "a dashboard label that is no Kubernetes label",
    { dashboard: { labels: { "grafana dashboard": "1" } } },
    "dashboard.labels",
    "Kubernetes label key",
  ],
  [
    "a dashboard label value that is no Kubernetes label value",
    { dashboard: { labels: { grafana_dashboard: "yes please" } } },
    "dashboard.labels.grafana_dashboard",
    "label value",
  ],
  [
    "no dashboard label while the ConfigMap is on",
    { dashboard: { labels: {}, configMap: true } },
    "dashboard.labels",
    "sidecar",
  ],
  [
    "a runbook URL with an anchor",
    { alerts: { runbookUrl: "https://x.example/alerts.md#top" } },
    "alerts.runbookUrl",
    "anchor",
  ],
];

describe("monitoring: alerts and dashboard settings are validated before any resource", () => {
  for (const [name, monitoring, path, says] of INVALID) {
    it(`${name} is refused, naming ${path}`, () => {
      const problems = problemsOf(monitoring);
      const problem = problems.find((p) => p.startsWith(`${P}.${path}`));
      assert.ok(problem, `no problem at ${P}.${path}:\n${problems.join("\n")}`);
      assert.ok(problem.includes(says), problem);
    });
  }

  it("a queue time just below the histogram's top bucket is accepted", () => {
    assert.deepEqual(problemsOf(alertsFor({ k8s: { queueing: { seconds: 3599 } } })), []);
  });

  it("every problem of a kind is reported at once: the values first, then how they fit the fleets", () => {
    const values = problemsOf({
      alerts: { fleets: { k8s: { queueing: { for: "-1m", seconds: 0 }, stalled: { severity: "page" } } } },
      dashboard: { labels: { "a b": "1" } },
    });
    assert.equal(values.length, 4, values.join("\n"));
    const fit = problemsOf({
      alerts: { fleets: { nope: {}, k8s: { saturated: { jobs: 11 } } } },
      dashboard: { labels: {} },
    });
    assert.equal(fit.length, 3, fit.join("\n"));
  });

  it("valid overrides load, and reach the model's terms", () => {
    const config = load({
      prometheusOperator: true,
      serviceMonitorLabels: { release: "kps" },
      alerts: { fleets: { kaniko: { saturated: { jobs: 4, for: "1h" }, stalled: { enabled: false } } } },
      dashboard: { namespace: "monitoring" },
    });
    const { spec, delivery } = monitoringOf(config, "dev");
    assert.deepEqual(spec.overrides.kaniko, {
      saturated: { jobs: 4, for: "1h" },
      stalled: { enabled: false },
    });
    assert.deepEqual(
      spec.fleets.map((f) => [f.name, f.concurrent]),
      [
        ["k8s", 10],
        ["kaniko", 4],
      ],
    );
    assert.deepEqual(
      delivery.ruleLabels,
      { release: "kps" },
      "the rule is selected like the ServiceMonitors",
    );
    assert.deepEqual(delivery.dashboardConfigMap, {
      namespace: "monitoring",
      labels: { grafana_dashboard: "1" },
    });
  });

  it("defaults: alerts on, no PrometheusRule without the operator, the dashboard ConfigMap in the manager namespace", () => {
    const { spec, delivery } = monitoringOf(load({}), "dev");
    assert.deepEqual([delivery.alerts, delivery.prometheusRule], [true, false]);
    assert.equal(spec.runbookUrl, "docs/alerts.md");
    assert.equal(delivery.dashboardConfigMap?.namespace, "gitlab-runner");
  });

  it("own rule labels replace the ServiceMonitor's, and the ConfigMap can be turned off", () => {
    const { delivery } = monitoringOf(
      load({
        serviceMonitorLabels: { release: "a" },
        alerts: { ruleLabels: { role: "alert-rules" } },
        dashboard: { configMap: false },
      }),
      "dev",
    );
    assert.deepEqual(delivery.ruleLabels, { role: "alert-rules" });
    assert.equal(delivery.dashboardConfigMap, undefined);
  });
});
