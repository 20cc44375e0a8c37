import * as corev1 from "@pulumi/kubernetes/core/v1";
import * as rbacv1 from "@pulumi/kubernetes/rbac/v1";
import * as pulumi from "@pulumi/pulumi";
import {
  buildKubeconfig,
  planDeployTarget,
  type DeployTargetPlan,
  type DeployTargetSpec,
} from "../../model/deploy";
import { ANNOTATIONS, COMPONENTS, platformLabels } from "../../model/labels";
import { podSecurityLabels } from "../../model/pod-security";
import { ciVariable } from "../gitlab/ci-variables";

/** How deploy jobs reach the API server: an existing cluster's from config, or a created cluster's outputs. */
export interface ClusterEndpointInput {
  /** API server URL. */
  server: pulumi.Input<string>;
  /** base64 of the cluster CA's PEM (kubeconfig `certificate-authority-data`). */
  caData: pulumi.Input<string>;
}

export interface DeployTargetArgs {
  /** The application environment: namespace, what it deploys, GitLab project and environment scope. */
  target: DeployTargetSpec;
  cluster: ClusterEndpointInput;
}

const TOKEN_SECRET_TYPE = "kubernetes.io/service-account-token";

/** What every child needs: its Pulumi name prefix, its parent and the plan. */
interface Scope {
  name: string;
  parent: pulumi.Resource;
  plan: DeployTargetPlan;
}

const metadata = ({ plan }: Scope, name: string) => ({
  name,
  namespace: plan.namespace,
  labels: platformLabels(COMPONENTS.deploy, plan.name),
});

/**
 * One application environment: its namespace (Pod Security labels, optional ResourceQuota and LimitRange), a
 * deployer ServiceAccount with a Role computed from what the application deploys, the deployer's long-lived token
 * (a service-account-token Secret the token controller fills), and its kubeconfig as the GitLab project's
 * protected file variable KUBECONFIG, scoped to the environment.
 */
export class DeployTarget extends pulumi.ComponentResource {
  public readonly plan: DeployTargetPlan;
  public readonly namespace: string;
  /** The GitLab variable holding the kubeconfig. */
  public readonly variable: pulumi.CustomResource;

  constructor(name: string, args: DeployTargetArgs, opts?: pulumi.ComponentResourceOptions) {
    super("gitlab-ci-platform:deploy:DeployTarget", name, {}, opts);
    this.plan = planDeployTarget(args.target);
    this.namespace = this.plan.namespace;
    const scope: Scope = { name, parent: this, plan: this.plan };

    const ns = namespace(scope);
    limits(scope, ns);
    const serviceAccount = deployerRbac(scope, ns);
    const token = deployerToken(scope, serviceAccount);
    const kubeconfig = pulumi
      .all([args.cluster.server, args.cluster.caData, token])
      .apply(([server, caData, bearer]) =>
        buildKubeconfig({
          cluster: { server, caData },
          token: bearer,
          namespace: this.plan.namespace,
          contextName: this.plan.contextName,
        }),
      );
    this.variable = ciVariable(
      `${name}-kubeconfig`,
      { ...this.plan.variable, value: pulumi.secret(kubeconfig) },
      { parent: this },
    );
    this.registerOutputs({ namespace: this.plan.namespace, serviceAccount: this.plan.serviceAccount });
  }
}

function namespace(scope: Scope): corev1.Namespace {
  const { plan } = scope;
  return new corev1.Namespace(
    `${scope.name}-namespace`,
    {
      metadata: {
        name: plan.namespace,
        labels: { ...platformLabels(COMPONENTS.deploy, plan.name), ...podSecurityLabels(plan.podSecurity) },
        annotations: { [ANNOTATIONS.deployTarget]: plan.target },
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

/** The deployer ServiceAccount (no token mounted into pods), its Role and the RoleBinding, all in one namespace. */
function deployerRbac(scope: Scope, ns: corev1.Namespace): corev1.ServiceAccount {
  const { plan } = scope;
  const inNamespace = { parent: scope.parent, dependsOn: [ns] };
  const serviceAccount = new corev1.ServiceAccount(
    `${scope.name}-deployer`,
    { metadata: metadata(scope, plan.serviceAccount), automountServiceAccountToken: false },
    inNamespace,
  );
  const role = new rbacv1.Role(
    `${scope.name}-role`,
    { metadata: metadata(scope, plan.role), rules: plan.roleRules },
    inNamespace,
  );
  new rbacv1.RoleBinding(
    `${scope.name}-rolebinding`,
    {
      metadata: metadata(scope, plan.role),
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: plan.role },
      subjects: [{ kind: "ServiceAccount", name: plan.serviceAccount, namespace: plan.namespace }],
    },
    { parent: scope.parent, dependsOn: [role, serviceAccount] },
  );
  return serviceAccount;
}

/**
 * The deployer's token, from a service-account-token Secret. The provider waits until the token controller has
 * filled it, so `data.token` is known once it is created; a new Secret name (tokenRotation) rotates it.
 */
function deployerToken(scope: Scope, serviceAccount: corev1.ServiceAccount): pulumi.Output<string> {
  const { plan } = scope;
  const secret = new corev1.Secret(
    `${scope.name}-token`,
    {
      metadata: {
        ...metadata(scope, plan.tokenSecret),
        annotations: { "kubernetes.io/service-account.name": plan.serviceAccount },
      },
      type: TOKEN_SECRET_TYPE,
    },
    { parent: scope.parent, dependsOn: [serviceAccount] },
  );
  return secret.data.apply((data) => Buffer.from(data?.token ?? "", "base64").toString("utf8"));
}
