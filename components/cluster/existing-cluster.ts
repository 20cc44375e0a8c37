import { Provider as KubernetesProvider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import { KUBERNETES_PROVIDER_OPTIONS } from "../../model/kubernetes-provider";

export interface ExistingClusterArgs {
  /**
   * Stable identity of the cluster. Passed as the provider's clusterIdentifier so that a changed kubeconfig
   * (rotated credentials, a new API address) does not replace every object in it.
   */
  clusterName: string;
  /** kubeconfig contents (a secret). When absent, the ambient kubeconfig ($KUBECONFIG or ~/.kube/config) is used. */
  kubeconfig?: pulumi.Input<string>;
  /** Context within the kubeconfig; the current context when absent. */
  context?: string;
}

/** An existing Kubernetes cluster, reached through a kubeconfig: the provider every other object uses. */
export class ExistingCluster extends pulumi.ComponentResource {
  public readonly provider: KubernetesProvider;
  public readonly clusterName: string;

  constructor(name: string, args: ExistingClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    super("gitlab-ci-platform:cluster:ExistingCluster", name, {}, opts);
    this.clusterName = args.clusterName;
    this.provider = new KubernetesProvider(
      `${name}-k8s`,
      {
        ...KUBERNETES_PROVIDER_OPTIONS,
        kubeconfig: args.kubeconfig,
        context: args.context,
        clusterIdentifier: args.clusterName,
      },
      { parent: this },
    );
    this.registerOutputs({ clusterName: this.clusterName });
  }
}
