import * as corev1 from "@pulumi/kubernetes/core/v1";
import * as rbacv1 from "@pulumi/kubernetes/rbac/v1";
import * as pulumi from "@pulumi/pulumi";
import { planDeployTarget, type DeployTargetPlan, type DeployTargetSpec } from "../../model/deploy";
import { ANNOTATIONS, COMPONENTS, platformLabels } from "../../model/labels";
import { podSecurityLabels } from "../../model/pod-security";
import { agentAccess } from "./agent-access";
import { kubeconfigAccess, type ClusterEndpointInput } from "./kubeconfig-access";
import { metadata, type Scope } from "./scope";

/**
 * What the target's access mode needs: the cluster endpoint for a kubeconfig (its variable takes the GitLab provider
 * of the component's options), the project's id for the agent.
 */
export type DeployAccessArgs =
  | { mode: "kubeconfig"; cluster: ClusterEndpointInput }
  | {
      mode: "agent";
      /** The numeric id of the target's GitLab project (from a look-up): the impersonated group names it. */
      projectId: pulumi.Input<string>;
    };

export interface DeployTargetArgs {
  /** The application environment: namespace, what it deploys, GitLab project, environment and access mode. */
  target: DeployTargetSpec;
  access: DeployAccessArgs;
}

/**
 * One application environment: its namespace (Pod Security labels, optional ResourceQuota and LimitRange) and a
 * deployer Role computed from what the application deploys, bound to whoever deploys: a deployer ServiceAccount
 * whose kubeconfig GitLab holds as the protected, environment-scoped file variable KUBECONFIG; or, with the agent,
 * the group of the project's CI/CD jobs in that GitLab environment, which agentk impersonates.
 */
export class DeployTarget extends pulumi.ComponentResource {
  public readonly plan: DeployTargetPlan;
  public readonly namespace: string;
  /** The GitLab variable holding the kubeconfig; undefined with the agent, which needs none. */
  public readonly variable?: pulumi.CustomResource;

  constructor(name: string, args: DeployTargetArgs, opts?: pulumi.ComponentResourceOptions) {
    super("gitlab-ci-platform:deploy:DeployTarget", name, {}, opts);
    this.plan = planDeployTarget(args.target);
    this.namespace = this.plan.namespace;
    const scope: Scope = { name, parent: this, plan: this.plan };

    const ns = namespace(scope);
    limits(scope, ns);
    const role = new rbacv1.Role(
      `${name}-role`,
      { metadata: metadata(scope, this.plan.role), rules: this.plan.roleRules },
      { parent: this, dependsOn: [ns] },
    );
    const access = this.plan.access;
    const given = args.access;
    if (access.mode === "kubeconfig" && given.mode === "kubeconfig") {
      this.variable = kubeconfigAccess(scope, access, role, ns, given.cluster);
    } else if (access.mode === "agent" && given.mode === "agent") {
      agentAccess(scope, access, role, given.projectId);
    } else {
      throw new Error(
        `${name}: the target's access is ${access.mode}, but the arguments are for ${given.mode}`,
      );
    }
    this.registerOutputs({ namespace: this.plan.namespace, access: access.mode });
  }
}

function namespace(scope: Scope): corev1.Namespace {
  const { plan } = scope;
  const agent: Record<string, string> =
    plan.access.mode === "agent" ? { [ANNOTATIONS.agentAccess]: plan.access.annotation } : {};
  return new corev1.Namespace(
    `${scope.name}-namespace`,
    {
      metadata: {
        name: plan.namespace,
        labels: { ...platformLabels(COMPONENTS.deploy, plan.name), ...podSecurityLabels(plan.podSecurity) },
        annotations: { [ANNOTATIONS.deployTarget]: plan.target, ...agent },
      },
    },
    { parent: scope.parent },
  );
}

/** The ResourceQuota and LimitRange the plan asks for, if any. */
function limits(scope: Scope, ns: corev1.Namespace): void {
  const { plan } = scope;
  const opts = { parent: scope.parent, dependsOn: [ns] };
  if (plan.quota) {
    new corev1.ResourceQuota(
      `${scope.name}-quota`,
      { metadata: metadata(scope, plan.name), spec: { hard: plan.quota } },
      opts,
    );
  }
  const defaults = plan.containerDefaults;
  if (defaults) {
    const limit = { type: "Container", defaultRequest: defaults.requests, default: defaults.limits };
    new corev1.LimitRange(
      `${scope.name}-limits`,
      { metadata: metadata(scope, plan.name), spec: { limits: [limit] } },
      opts,
    );
  }
}
