import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { managerLabels, managerStatefulSetSpec } from "../../model/fleet";
import { FleetScope, metadata } from "./fleet-scope";

/** The manager StatefulSet; created after (and so deleted before) its permissions, Secrets and config. */
export function managerStatefulSet(
  scope: FleetScope,
  runnerId: pulumi.Output<string>,
  dependsOn: pulumi.Resource[],
  credentialsChecksum?: pulumi.Input<string>,
): k8s.apps.v1.StatefulSet {
  const { plan } = scope;
  return new k8s.apps.v1.StatefulSet(
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
export function metricsService(scope: FleetScope): k8s.core.v1.Service {
  const { plan } = scope;
  return new k8s.core.v1.Service(
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
  new k8s.policy.v1.PodDisruptionBudget(
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
  new k8s.networking.v1.NetworkPolicy(
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
  service: k8s.core.v1.Service,
  labels: Record<string, string>,
): void {
  const { plan } = scope;
  const meta = metadata(scope, plan.names.manager, plan.managerNamespace);
  new k8s.apiextensions.CustomResource(
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
