import { Provider as KubernetesProvider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import { type KubeClientRate, kubernetesProviderOptions } from "../../model/kubernetes-provider";

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
  kubeClient: KubeClientRate;
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
        ...kubernetesProviderOptions(args.kubeClient),
        kubeconfig: args.kubeconfig,
        context: args.context,
        clusterIdentifier: args.clusterName,
      },
      { parent: this },
    );
    this.registerOutputs({ clusterName: this.clusterName });
  }
}
