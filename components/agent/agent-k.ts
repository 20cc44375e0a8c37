import * as appsv1 from "@pulumi/kubernetes/apps/v1";
import * as corev1 from "@pulumi/kubernetes/core/v1";
import * as networkingv1 from "@pulumi/kubernetes/networking/v1";
import * as policyv1 from "@pulumi/kubernetes/policy/v1";
import * as rbacv1 from "@pulumi/kubernetes/rbac/v1";
import * as pulumi from "@pulumi/pulumi";
import {
  AGENTK_PATHS,
  agentImpersonationRules,
  agentkDeploymentSpec,
  agentkDisruptionBudgetSpec,
  agentkNetworkPolicySpec,
  planAgent,
  type AgentPlan,
  type AgentSpec,
  type AuthorisedProject,
} from "../../model/agent";
import { podSecurityLabels } from "../../model/pod-security";

export interface AgentKArgs {
  /** The agent: its namespace, image, replicas, resources, KAS address and the projects it serves. */
  agent: AgentSpec;
  /** The agent's token (a secret): kept in a Secret agentk reads as a file. */
  token: pulumi.Input<string>;
  /** The authorised projects with their numeric ids: the groups agentk may impersonate. */
  projects: pulumi.Input<AuthorisedProject[]>;
}

/** What every child needs: its Pulumi name prefix, its parent and the plan. */
interface Scope {
  name: string;
  parent: pulumi.Resource;
  plan: AgentPlan;
}

const meta = ({ plan }: Scope, name: string) => ({
  name,
  namespace: plan.spec.namespace,
  labels: plan.labels,
});

/**
 * agentk in the cluster: a namespace of its own (Pod Security restricted), its ServiceAccount, the token in a
 * Secret mounted as a file, a restricted Deployment of the pinned image with probes, a PodDisruptionBudget, a
 * NetworkPolicy (no connection in; out to DNS, the agent server and the API server only), and the one thing its
 * ServiceAccount may do: impersonate the CI/CD jobs of the authorised projects (a ClusterRole of `impersonate` on
 * any user name, the jobs' groups and the agent server's extra keys; nothing else, anywhere).
 */
export class AgentK extends pulumi.ComponentResource {
  public readonly plan: AgentPlan;
  public readonly namespace: string;
  /** The kubecontext GitLab gives authorised jobs. */
  public readonly context: string;

  constructor(name: string, args: AgentKArgs, opts?: pulumi.ComponentResourceOptions) {
    super("gitlab-ci-platform:agent:AgentK", name, {}, opts);
    this.plan = planAgent(args.agent);
    this.namespace = args.agent.namespace;
    this.context = this.plan.context;
    const scope: Scope = { name, parent: this, plan: this.plan };

    const ns = namespace(scope);
    const inNamespace = { parent: this, dependsOn: [ns] };
    const serviceAccount = new corev1.ServiceAccount(
      `${name}-serviceaccount`,
      { metadata: meta(scope, this.plan.names.serviceAccount), automountServiceAccountToken: false },
      inNamespace,
    );
    const binding = impersonation(scope, args.projects, serviceAccount);
    const mounted = [tokenSecret(scope, args.token, ns), ...kasCa(scope, ns)];
    new appsv1.Deployment(
      `${name}-deployment`,
      { metadata: meta(scope, this.plan.names.deployment), spec: agentkDeploymentSpec(this.plan) },
      { parent: this, dependsOn: [...mounted, binding] },
    );
    new policyv1.PodDisruptionBudget(
      `${name}-pdb`,
      { metadata: meta(scope, this.plan.names.deployment), spec: agentkDisruptionBudgetSpec(this.plan) },
      inNamespace,
    );
    new networkingv1.NetworkPolicy(
      `${name}-netpol`,
      { metadata: meta(scope, this.plan.names.deployment), spec: agentkNetworkPolicySpec(this.plan) },
      inNamespace,
    );
    this.registerOutputs({ agent: args.agent.name, namespace: this.namespace, context: this.context });
  }
}

function namespace(scope: Scope): corev1.Namespace {
  return new corev1.Namespace(
    `${scope.name}-namespace`,
    {
      metadata: {
        name: scope.plan.spec.namespace,
        labels: { ...scope.plan.labels, ...podSecurityLabels("restricted") },
      },
    },
    { parent: scope.parent },
  );
}

/** The token as a file: stringData of an Opaque Secret, secret in the stack's state. */
function tokenSecret(scope: Scope, token: pulumi.Input<string>, ns: corev1.Namespace): corev1.Secret {
  return new corev1.Secret(
    `${scope.name}-token`,
    {
      metadata: meta(scope, scope.plan.names.tokenSecret),
      type: "Opaque",
      stringData: { [AGENTK_PATHS.tokenKey]: pulumi.secret(token) },
    },
    { parent: scope.parent, dependsOn: [ns] },
  );
}

/** The CA of a private agent server's certificate, when there is one (public: a ConfigMap). */
function kasCa(scope: Scope, ns: corev1.Namespace): corev1.ConfigMap[] {
  const pem = scope.plan.spec.kasCaCert;
  if (!pem) return [];
  return [
    new corev1.ConfigMap(
      `${scope.name}-kas-ca`,
      { metadata: meta(scope, scope.plan.names.kasCaConfigMap), data: { [AGENTK_PATHS.kasCaKey]: pem } },
      { parent: scope.parent, dependsOn: [ns] },
    ),
  ];
}

/** agentk's ClusterRole (impersonation only) bound to its ServiceAccount: impersonation is cluster-scoped. */
function impersonation(
  scope: Scope,
  projects: pulumi.Input<AuthorisedProject[]>,
  serviceAccount: corev1.ServiceAccount,
): rbacv1.ClusterRoleBinding {
  const { plan } = scope;
  const role = new rbacv1.ClusterRole(
    `${scope.name}-impersonate`,
    {
      metadata: { name: plan.names.clusterRole, labels: plan.labels },
      rules: pulumi.output(projects).apply((p) => agentImpersonationRules(p)),
    },
    { parent: scope.parent },
  );
  return new rbacv1.ClusterRoleBinding(
    `${scope.name}-impersonate`,
    {
      metadata: { name: plan.names.clusterRole, labels: plan.labels },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: plan.names.clusterRole },
      subjects: [{ kind: "ServiceAccount", name: plan.names.serviceAccount, namespace: plan.spec.namespace }],
    },
    { parent: scope.parent, dependsOn: [role, serviceAccount] },
  );
}
