import * as rbacv1 from "@pulumi/kubernetes/rbac/v1";
import * as pulumi from "@pulumi/pulumi";
import { agentSubjectGroup, type AgentAccessPlan } from "../../model/deploy";
import { metadata, type Scope } from "./scope";

/**
 * Binds the Role to the group GitLab's agent server gives the project's CI/CD jobs in this environment
 * (`gitlab:project_env:<project id>:<environment slug>`): what agentk impersonates for them. No ServiceAccount, no
 * token, no CI/CD variable.
 */
export function agentAccess(
  scope: Scope,
  access: AgentAccessPlan,
  role: rbacv1.Role,
  projectId: pulumi.Input<string>,
): void {
  const { plan } = scope;
  new rbacv1.RoleBinding(
    `${scope.name}-rolebinding`,
    {
      metadata: metadata(scope, plan.role),
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: plan.role },
      subjects: [
        {
          apiGroup: "rbac.authorization.k8s.io",
          kind: "Group",
          name: pulumi.output(projectId).apply((id) => agentSubjectGroup(access, id)),
        },
      ],
    },
    { parent: scope.parent, dependsOn: [role] },
  );
}
