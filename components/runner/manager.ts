import * as appsv1 from "@pulumi/kubernetes/apps/v1";
import * as corev1 from "@pulumi/kubernetes/core/v1";
import * as networkingv1 from "@pulumi/kubernetes/networking/v1";
import * as policyv1 from "@pulumi/kubernetes/policy/v1";
import { CustomResource } from "@pulumi/kubernetes/apiextensions/customResource";
import type * as pulumi from "@pulumi/pulumi";
import { managerLabels, managerStatefulSetSpec } from "../../model/fleet";
import { FleetScope, metadata } from "./fleet-scope";

/** The manager StatefulSet; created after (and so deleted before) its permissions, Secrets and config. */
export function managerStatefulSet(
  scope: FleetScope,
  runnerId: pulumi.Output<string>,
  dependsOn: pulumi.Resource[],
  credentialsChecksum?: pulumi.Input<string>,
): appsv1.StatefulSet {
  const { plan } = scope;
  return new appsv1.StatefulSet(
    `${scope.name}-manager`,
    {
      metadata: {
        ...metadata(scope, plan.names.manager, plan.managerNamespace),
        // Foreground: Pulumi waits until every replica has drained before it removes RBAC, Secrets and the runner.
        annotations: { "pulumi.com/deletionPropagationPolicy": "foreground" },
      },
      spec: managerStatefulSetSpec({ ...plan.manager, runnerRevision: runnerId, credentialsChecksum }),
    },
    { parent: scope.parent, dependsOn, customTimeouts: plan.managerTimeouts },
  );
}

/** Headless: it names each manager replica (the StatefulSet's service) and serves its metrics. */
export function metricsService(scope: FleetScope): corev1.Service {
  const { plan } = scope;
  return new corev1.Service(
    `${scope.name}-metrics`,
    {
      metadata: metadata(scope, plan.names.service, plan.managerNamespace),
      spec: {
        clusterIP: "None",
        selector: managerLabels(plan.fleet),
        ports: [{ name: "metrics", port: plan.manager.metricsPort, targetPort: "metrics", protocol: "TCP" }],
      },
    },
    { parent: scope.parent },
  );
}

/** At most one manager down at a time; never blocks a node drain, even with one replica. */
export function disruptionBudget(scope: FleetScope): void {
  const { plan } = scope;
  new policyv1.PodDisruptionBudget(
    `${scope.name}-pdb`,
    {
      metadata: metadata(scope, plan.names.manager, plan.managerNamespace),
      spec: {
        maxUnavailable: 1,
        unhealthyPodEvictionPolicy: "AlwaysAllow",
        selector: { matchLabels: managerLabels(plan.fleet) },
      },
    },
    { parent: scope.parent },
  );
}

/**
 * Nothing but metrics scrapes may reach a manager. Egress stays open: the manager talks to GitLab, the
 * Kubernetes API and the cache, wherever the stack says they are.
 */
export function networkPolicy(scope: FleetScope): void {
  const { plan } = scope;
  new networkingv1.NetworkPolicy(
    `${scope.name}-netpol`,
    {
      metadata: metadata(scope, plan.names.manager, plan.managerNamespace),
      spec: {
        podSelector: { matchLabels: managerLabels(plan.fleet) },
        policyTypes: ["Ingress"],
        ingress: [{ ports: [{ port: plan.manager.metricsPort, protocol: "TCP" }] }],
      },
    },
    { parent: scope.parent },
  );
}

export function serviceMonitor(
  scope: FleetScope,
  service: corev1.Service,
  labels: Record<string, string>,
): void {
  const { plan } = scope;
  const meta = metadata(scope, plan.names.manager, plan.managerNamespace);
  new CustomResource(
    `${scope.name}-servicemonitor`,
    {
      apiVersion: "monitoring.coreos.com/v1",
      kind: "ServiceMonitor",
      metadata: { ...meta, labels: { ...labels, ...meta.labels } },
      spec: {
        selector: { matchLabels: managerLabels(plan.fleet) },
        endpoints: [{ port: "metrics", interval: "30s" }],
      },
    },
    { parent: scope.parent, dependsOn: [service] },
  );
}
