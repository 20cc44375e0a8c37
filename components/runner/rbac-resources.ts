import * as corev1 from "@pulumi/kubernetes/core/v1";
import * as rbacv1 from "@pulumi/kubernetes/rbac/v1";
import type * as pulumi from "@pulumi/pulumi";
import { COMPONENTS } from "../../model/labels";
import { FleetScope, metadata } from "./fleet-scope";

/**
 * The manager's ServiceAccount (manager namespace) and its Role and RoleBinding in the job namespace: the rules
 * the plan computed from the fleet's features, nothing cluster-wide.
 */
export function managerRbac(scope: FleetScope): pulumi.Resource[] {
  const child = { parent: scope.parent };
  const { names, managerNamespace, jobNamespace, roleRules } = scope.plan;
  const serviceAccount = new corev1.ServiceAccount(
    `${scope.name}-manager-sa`,
    {
      metadata: {
        ...metadata(scope, names.managerServiceAccount, managerNamespace),
        annotations: scope.plan.serviceAccountAnnotations,
      },
      automountServiceAccountToken: true,
    },
    child,
  );
  const role = new rbacv1.Role(
    `${scope.name}-role`,
    { metadata: metadata(scope, names.role, jobNamespace), rules: roleRules },
    child,
  );
  const binding = new rbacv1.RoleBinding(
    `${scope.name}-rolebinding`,
    {
      metadata: metadata(scope, names.role, jobNamespace),
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: names.role },
      subjects: [{ kind: "ServiceAccount", name: names.managerServiceAccount, namespace: managerNamespace }],
    },
    { ...child, dependsOn: [role, serviceAccount] },
  );
  return [serviceAccount, role, binding];
}

/** The ServiceAccount job pods run as; no API token unless the fleet asks for one. */
export function jobServiceAccount(scope: FleetScope): corev1.ServiceAccount {
  const { plan } = scope;
  return new corev1.ServiceAccount(
    `${scope.name}-jobs-sa`,
    {
      metadata: {
        ...metadata(scope, plan.names.jobServiceAccount, plan.jobNamespace, COMPONENTS.jobs),
        annotations: plan.serviceAccountAnnotations,
      },
      automountServiceAccountToken: plan.jobServiceAccountToken,
    },
    { parent: scope.parent },
  );
}
