import * as corev1 from "@pulumi/kubernetes/core/v1";
import { CustomResource } from "@pulumi/kubernetes/apiextensions/customResource";
import * as pulumi from "@pulumi/pulumi";
import type { MonitoringPlan } from "../../model/monitoring";

export interface RunnerMonitoringArgs {
  /** What to create: the PrometheusRule and the dashboard ConfigMap the plan lists, nothing else. */
  plan: MonitoringPlan;
}

/**
 * The stack's alerting rules for its fleets, as a PrometheusRule (the Prometheus Operator's CRDs must exist), and
 * its Grafana dashboard as a ConfigMap Grafana's dashboard sidecar loads. Either is absent when the plan has none.
 */
export class RunnerMonitoring extends pulumi.ComponentResource {
  /** The PrometheusRule's name, or undefined when the stack creates none. */
  public readonly prometheusRule: string | undefined;
  /** The dashboard ConfigMap's name, or undefined when the stack creates none. */
  public readonly dashboardConfigMap: string | undefined;

  constructor(name: string, args: RunnerMonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
    super("gitlab-ci-platform:monitoring:RunnerMonitoring", name, {}, opts);
    const { prometheusRule, dashboardConfigMap } = args.plan;
    if (prometheusRule) {
      new CustomResource(
        `${name}-alerts`,
        {
          apiVersion: "monitoring.coreos.com/v1",
          kind: "PrometheusRule",
          metadata: prometheusRule.metadata,
          spec: prometheusRule.spec,
        },
        { parent: this },
      );
    }
    if (dashboardConfigMap) {
      new corev1.ConfigMap(
        `${name}-dashboard`,
        { metadata: dashboardConfigMap.metadata, data: dashboardConfigMap.data },
        { parent: this },
      );
    }
    this.prometheusRule = prometheusRule?.metadata.name;
    this.dashboardConfigMap = dashboardConfigMap?.metadata.name;
    this.registerOutputs({
      prometheusRule: this.prometheusRule,
      dashboardConfigMap: this.dashboardConfigMap,
    });
  }
}
