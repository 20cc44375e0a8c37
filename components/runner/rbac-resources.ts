import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import type { FleetConfig } from "../../config";
import { FleetScope, metadata } from "./fleet-scope";
import { rbacFeatures, runnerRoleRules } from "../../model/fleet/rbac";

/**
 * The manager's ServiceAccount (manager namespace) and its Role and RoleBinding in the job namespace: the rules
 * computed from the fleet's features, nothing cluster-wide.
 */
export function managerRbac(scope: FleetScope, fleet: FleetConfig): pulumi.Resource[] {
  const child = { parent: scope.parent };
  const { names } = scope;
  const serviceAccount = new k8s.core.v1.ServiceAccount(
    `${scope.name}-manager-sa`,
    {
      metadata: metadata(scope, names.managerServiceAccount, scope.managerNamespace),
      automountServiceAccountToken: true,
    },
    child,
  );
  const features = rbacFeatures(fleet.featureFlags, fleet.kubernetes);
  const role = new k8s.rbac.v1.Role(
    `${scope.name}-role`,
    { metadata: metadata(scope, names.role, scope.jobNamespace), rules: runnerRoleRules(features) },
    child,
  );
  const binding = new k8s.rbac.v1.RoleBinding(
    `${scope.name}-rolebinding`,
    {
      metadata: metadata(scope, names.role, scope.jobNamespace),
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: names.role },
      subjects: [
        { kind: "ServiceAccount", name: names.managerServiceAccount, namespace: scope.managerNamespace },
      ],
    },
    { ...child, dependsOn: [role, serviceAccount] },
  );
  return [serviceAccount, role, binding];
}

/** The ServiceAccount job pods run as; no API token unless the fleet asks for one. */
export function jobServiceAccount(scope: FleetScope, fleet: FleetConfig): k8s.core.v1.ServiceAccount {
  return new k8s.core.v1.ServiceAccount(
    `${scope.name}-jobs-sa`,
    {
      metadata: metadata(scope, scope.names.jobServiceAccount, scope.jobNamespace, "ci-jobs"),
      automountServiceAccountToken: fleet.jobServiceAccountToken,
    },
    { parent: scope.parent },
  );
}
