import * as corev1 from "@pulumi/kubernetes/core/v1";
import * as rbacv1 from "@pulumi/kubernetes/rbac/v1";
import * as pulumi from "@pulumi/pulumi";
import { buildKubeconfig, type KubeconfigAccessPlan } from "../../model/deploy";
import { ciVariable } from "../gitlab/ci-variables";
import { metadata, type Scope } from "./scope";

/** How deploy jobs reach the API server: an existing cluster's from config, or a created cluster's outputs. */
export interface ClusterEndpointInput {
  /** API server URL. */
  server: pulumi.Input<string>;
  /** base64 of the cluster CA's PEM (kubeconfig `certificate-authority-data`). */
  caData: pulumi.Input<string>;
}

const TOKEN_SECRET_TYPE = "kubernetes.io/service-account-token";

/**
 * The deployer ServiceAccount bound to the Role, its long-lived token (a service-account-token Secret the token
 * controller fills) and its kubeconfig as the GitLab project's protected file variable KUBECONFIG, scoped to the
 * environment. Returns the variable.
 */
export function kubeconfigAccess(
  scope: Scope,
  access: KubeconfigAccessPlan,
  role: rbacv1.Role,
  ns: corev1.Namespace,
  cluster: ClusterEndpointInput,
): pulumi.CustomResource {
  const serviceAccount = deployerServiceAccount(scope, access, role, ns);
  const token = deployerToken(scope, access, serviceAccount);
  const kubeconfig = pulumi.all([cluster.server, cluster.caData, token]).apply(([server, caData, bearer]) =>
    buildKubeconfig({
      cluster: { server, caData },
      token: bearer,
      namespace: scope.plan.namespace,
      contextName: access.contextName,
    }),
  );
  return ciVariable(
    `${scope.name}-kubeconfig`,
    { ...access.variable, value: pulumi.secret(kubeconfig) },
    { parent: scope.parent },
  );
}

/** The deployer ServiceAccount (no token mounted into pods) and its RoleBinding, in the target's namespace. */
function deployerServiceAccount(
  scope: Scope,
  access: KubeconfigAccessPlan,
  role: rbacv1.Role,
  ns: corev1.Namespace,
): corev1.ServiceAccount {
  const { plan } = scope;
  const serviceAccount = new corev1.ServiceAccount(
    `${scope.name}-deployer`,
    { metadata: metadata(scope, access.serviceAccount), automountServiceAccountToken: false },
    { parent: scope.parent, dependsOn: [ns] },
  );
  new rbacv1.RoleBinding(
    `${scope.name}-rolebinding`,
    {
      metadata: metadata(scope, plan.role),
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: plan.role },
      subjects: [{ kind: "ServiceAccount", name: access.serviceAccount, namespace: plan.namespace }],
    },
    { parent: scope.parent, dependsOn: [role, serviceAccount] },
  );
  return serviceAccount;
}

/**
 * The deployer's token, from a service-account-token Secret. The provider waits until the token controller has
 * filled it, so `data.token` is known once it is created; a new Secret name (tokenRotation) rotates it.
 */
function deployerToken(
  scope: Scope,
  access: KubeconfigAccessPlan,
  serviceAccount: corev1.ServiceAccount,
): pulumi.Output<string> {
  const secret = new corev1.Secret(
    `${scope.name}-token`,
    {
      metadata: {
        ...metadata(scope, access.tokenSecret),
        annotations: { "kubernetes.io/service-account.name": access.serviceAccount },
      },
      type: TOKEN_SECRET_TYPE,
    },
    { parent: scope.parent, dependsOn: [serviceAccount] },
  );
  return secret.data.apply((data) => Buffer.from(data?.token ?? "", "base64").toString("utf8"));
}
