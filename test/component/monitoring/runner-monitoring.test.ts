import { strict as assert } from "node:assert";
import { RunnerMonitoring } from "../../../components/monitoring";
import { MONITORING_FILES, type MonitoringDelivery, planMonitoring } from "../../../model/monitoring";
import { recordResources } from "../../helpers/run-component";
import { SPEC } from "../../monitoring/alert-cases";

const PROMETHEUS_RULE = "kubernetes:monitoring.coreos.com/v1:PrometheusRule";
const CONFIG_MAP = "kubernetes:core/v1:ConfigMap";
const ALL: MonitoringDelivery = {
  alerts: true,
  prometheusRule: true,
  ruleLabels: { release: "kube-prometheus-stack" },
  dashboardConfigMap: { namespace: "gitlab-runner", labels: { grafana_dashboard: "1" } },
};

async function monitoring(delivery: MonitoringDelivery) {
  const plan = planMonitoring(SPEC, delivery);
  const resources = await recordResources(() => {
    new RunnerMonitoring("monitoring", { plan });
  });
  return { plan, resources };
}

describe("RunnerMonitoring creates what planMonitoring lists", function () {
  this.timeout(20000);

  it("a PrometheusRule with the plan's groups and labels, and the dashboard ConfigMap with the sidecar's label", async () => {
    const { plan, resources } = await monitoring(ALL);
    const rule = resources.find((r) => r.type === PROMETHEUS_RULE);
    assert.ok(rule, "no PrometheusRule");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- recorded Kubernetes inputs are free-form
    const inputs = rule.inputs as any;
    assert.equal(inputs.apiVersion, "monitoring.coreos.com/v1");
    assert.deepEqual(inputs.spec.groups, plan.ruleGroups);
    assert.equal(inputs.metadata.labels.release, "kube-prometheus-stack");
    const configMaps = resources.filter((r) => r.type === CONFIG_MAP);
    assert.equal(configMaps.length, 1);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- recorded Kubernetes inputs are free-form
    const dashboard = configMaps[0].inputs as any;
    assert.equal(dashboard.metadata.labels.grafana_dashboard, "1");
    assert.deepEqual(Object.values(dashboard.data), [plan.files.get(MONITORING_FILES.dashboard)]);
  });

  it("nothing without the operator and the ConfigMap: the files are synth's alone", async () => {
    const { resources } = await monitoring({ ...ALL, prometheusRule: false, dashboardConfigMap: undefined });
    assert.deepEqual(
      resources.filter((r) => r.custom).map((r) => r.type),
      [],
    );
  });
});
