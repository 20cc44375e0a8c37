import * as cs from "@pulumi/alicloud/cs";
import * as vpc from "@pulumi/alicloud/vpc";
import { type KubeClientRate, kubernetesProviderOptions } from "../../model/kubernetes-provider";
import { Provider as KubernetesProvider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import type { VSwitchPlan } from "../../model/ack";
import { type ClusterEndpoint, endpointOfKubeconfig } from "../../model/deploy";
import { AckNetwork } from "./ack-network";

/** Where the cluster lives: a network the component creates, or an existing VPC and vSwitches. */
export type AckNetworkChoice =
  | { create: { vpcCidr: string; vswitches: VSwitchPlan[]; natBandwidth: number } }
  | { existing: { vpcId: string; vswitchIds: string[] } };

export interface AckServerlessClusterArgs {
  /** Cluster name in ACK (also the prefix of the network resources). */
  clusterName: string;
  /** Kubernetes version, e.g. 1.33.1-aliyun.1; ACK's newest when absent. */
  version?: string;
  /** ack.standard or ack.pro.small (managed control plane with an SLA). */
  clusterSpec: string;
  /** CIDR of Services; must not overlap the VPC. */
  serviceCidr: string;
  /** Expose the API server on a public EIP; otherwise it is reachable inside the VPC only. */
  endpointPublicAccess: boolean;
  /**
   * ACK refuses to delete the cluster while on, and the cluster, VPC and vSwitches are `protect`ed: a change to a
   * create-only setting (endpoint exposure, vSwitches, Service CIDR), which the provider can only apply by
   * replacing the cluster, is refused by the engine at preview instead.
   */
  deletionProtection: boolean;
  tags: Record<string, string>;
  network: AckNetworkChoice;
  kubeClient: KubeClientRate;
}

/**
 * An ACK Serverless cluster (every pod an ECI instance, billed by the second) with its network, and the
 * Kubernetes provider every object in it is created with.
 */
export class AckServerlessCluster extends pulumi.ComponentResource {
  public readonly provider: KubernetesProvider;
  public readonly clusterId: pulumi.Output<string>;
  public readonly clusterName: string;
  public readonly vpcId: pulumi.Output<string>;
  public readonly vswitchIds: pulumi.Output<string>[];
  /** The zone of each vSwitch, in the same order. */
  public readonly zoneIds: pulumi.Output<string>[];
  /** The security group ACK made for the cluster's pods. */
  public readonly securityGroupId: pulumi.Output<string>;
  /** Admin kubeconfig of the cluster (secret). */
  public readonly kubeconfig: pulumi.Output<string>;
  /** The API server and CA deploy kubeconfigs use, read from the admin kubeconfig (secret, as it is). */
  public readonly endpoint: pulumi.Output<ClusterEndpoint>;
  /** The NAT gateway's public address, when the component made the network. */
  public readonly egressIp?: pulumi.Output<string>;

  constructor(name: string, args: AckServerlessClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    super("gitlab-ci-platform:cluster:AckServerlessCluster", name, {}, opts);
    this.clusterName = args.clusterName;
    const net = this.network(name, args);
    this.vpcId = net.vpcId;
    this.vswitchIds = net.vswitchIds;
    this.zoneIds = net.zoneIds;
    this.egressIp = net.egressIp;

    const cluster = new cs.ServerlessKubernetes(
      `${name}-ack`,
      {
        name: args.clusterName,
        version: args.version,
        clusterSpec: args.clusterSpec,
        vpcId: this.vpcId,
        vswitchIds: this.vswitchIds,
        // The component owns egress (its NAT gateway, or the existing VPC's): ACK must not add another.
        newNatGateway: false,
        endpointPublicAccessEnabled: args.endpointPublicAccess,
        serviceCidr: args.serviceCidr,
        serviceDiscoveryTypes: ["CoreDNS"],
        deletionProtection: args.deletionProtection,
        tags: args.tags,
      },
      { parent: this, dependsOn: net.egress, protect: args.deletionProtection },
    );
    this.clusterId = cluster.id;
    this.securityGroupId = cluster.securityGroupId;
    const credential = cs.getClusterCredentialOutput({ clusterId: cluster.id }, { parent: this });
    this.kubeconfig = pulumi.secret(credential.kubeConfig);
    this.endpoint = this.kubeconfig.apply(endpointOfKubeconfig);
    this.provider = new KubernetesProvider(
      `${name}-k8s`,
      // The cluster id, not the kubeconfig, identifies the cluster: new credentials replace nothing, while a
      // replaced cluster (a new id) gets every object anew.
      {
        ...kubernetesProviderOptions(args.kubeClient),
        kubeconfig: this.kubeconfig,
        clusterIdentifier: cluster.id,
      },
      { parent: this },
    );
    this.registerOutputs({ clusterId: this.clusterId, kubeconfig: this.kubeconfig, egressIp: this.egressIp });
  }

  private network(name: string, args: AckServerlessClusterArgs) {
    if ("existing" in args.network) {
      const { vpcId, vswitchIds } = args.network.existing;
      return {
        vpcId: pulumi.output(vpcId),
        vswitchIds: vswitchIds.map((id) => pulumi.output(id)),
        zoneIds: vswitchIds.map(
          (id) => vpc.getSwitchesOutput({ ids: [id] }, { parent: this }).vswitches[0].zoneId,
        ),
        egressIp: undefined,
        egress: [],
      };
    }
    const network = new AckNetwork(
      `${name}-network`,
      {
        namePrefix: args.clusterName,
        tags: args.tags,
        protect: args.deletionProtection,
        ...args.network.create,
      },
      { parent: this },
    );
    return {
      vpcId: network.vpcId,
      vswitchIds: network.vswitchIds,
      zoneIds: args.network.create.vswitches.map((v) => pulumi.output(v.zoneId)),
      egressIp: network.egressIp,
      egress: [network],
    };
  }
}
