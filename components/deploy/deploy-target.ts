import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import {
  buildKubeconfig,
  planDeployTarget,
  type DeployTargetPlan,
  type DeployTargetSpec,
} from "../../model/deploy";
import { ANNOTATIONS, COMPONENTS, platformLabels } from "../../model/labels";
import { podSecurityLabels } from "../../model/pod-security";
import type { Provider } from "../gitlab/bindings";
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
  gitlabProvider: Provider;
}

const TOKEN_SECRET_TYPE = "kubernetes.io/service-account-token";

/**
 * One application environment: its namespace (Pod Security labels, optional ResourceQuota and LimitRange), a
 * deployer ServiceAccount with a Role computed from what the application deploys, the deployer's long-lived token
 * (a service-account-token Secret the token controller fills), and its kubeconfig as the GitLab project's
 * protected file variable KUBECONFIG, scoped to the environment.
 */
export class DeployTarget extends pulumi.ComponentResource {
  public readonly plan: DeployTargetPlan;
  public readonly namespace: string;
  public readonly variable: pulumi.CustomResource;

  constructor(name: string, args: DeployTargetArgs, opts?: pulumi.ComponentResourceOptions) {
    super("gitlab-ci-platform:deploy:DeployTarget", name, {}, opts);
    const plan = planDeployTarget(args.target);
    this.plan = plan;
    this.namespace = plan.namespace;
    const k8sChild = { parent: this };
    const meta = (objectName: string) => ({
      name: objectName,
      namespace: plan.namespace,
      labels: platformLabels(COMPONENTS.deploy, plan.name),
    });

    const ns = new k8s.core.v1.Namespace(
      `${name}-namespace`,
      {
        metadata: {
          name: plan.namespace,
          labels: { ...platformLabels(COMPONENTS.deploy, plan.name), ...podSecurityLabels(plan.podSecurity) },
          annotations: { [ANNOTATIONS.deployTarget]: plan.target },
        },
      },
      k8sChild,
    );
    const inNs = { ...k8sChild, dependsOn: [ns] };
    limits(name, plan, meta, inNs);
    const serviceAccount = new k8s.core.v1.ServiceAccount(
      `${name}-deployer`,
      { metadata: meta(plan.serviceAccount), automountServiceAccountToken: false },
      inNs,
    );
    const role = new k8s.rbac.v1.Role(
      `${name}-role`,
      { metadata: meta(plan.role), rules: plan.roleRules },
      inNs,
    );
    new k8s.rbac.v1.RoleBinding(
      `${name}-rolebinding`,
      {
        metadata: meta(plan.role),
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: plan.role },
        subjects: [{ kind: "ServiceAccount", name: plan.serviceAccount, namespace: plan.namespace }],
      },
      { ...k8sChild, dependsOn: [role, serviceAccount] },
    );
    // The provider waits until the token controller has filled the Secret, so data.token is known after create.
    const tokenSecret = new k8s.core.v1.Secret(
      `${name}-token`,
      {
        metadata: {
          ...meta(plan.tokenSecret),
          annotations: { "kubernetes.io/service-account.name": plan.serviceAccount },
        },
        type: TOKEN_SECRET_TYPE,
      },
      { ...k8sChild, dependsOn: [serviceAccount] },
    );
    const token = tokenSecret.data.apply((data) => Buffer.from(data?.token ?? "", "base64").toString("utf8"));
    const kubeconfig = pulumi
      .all([args.cluster.server, args.cluster.caData, token])
      .apply(([server, caData, bearer]) =>
        buildKubeconfig({
          cluster: { server, caData },
          token: bearer,
          namespace: plan.namespace,
          contextName: plan.contextName,
        }),
      );
    this.variable = ciVariable(
      `${name}-kubeconfig`,
      { ...plan.variable, value: pulumi.secret(kubeconfig) },
      {
        parent: this,
        provider: args.gitlabProvider,
      },
    );
    this.registerOutputs({ namespace: plan.namespace, serviceAccount: plan.serviceAccount });
  }
}

function limits(
  name: string,
  plan: DeployTargetPlan,
  meta: (objectName: string) => { name: string; namespace: string; labels: Record<string, string> },
  opts: pulumi.CustomResourceOptions,
): void {
  if (plan.quota) {
    new k8s.core.v1.ResourceQuota(
      `${name}-quota`,
      { metadata: meta(plan.name), spec: { hard: plan.quota } },
      opts,
    );
  }
  const defaults = plan.containerDefaults;
  if (defaults) {
    new k8s.core.v1.LimitRange(
      `${name}-limits`,
      {
        metadata: meta(plan.name),
        spec: {
          limits: [{ type: "Container", defaultRequest: defaults.requests, default: defaults.limits }],
        },
      },
      opts,
    );
  }
}
