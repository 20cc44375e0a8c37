import * as ecs from "@pulumi/alicloud/ecs";
import * as vpc from "@pulumi/alicloud/vpc";
import * as pulumi from "@pulumi/pulumi";
import { enhancedNatZoneProblem, type VSwitchPlan } from "../../model/ack";

export interface AckNetworkArgs {
  /** Name prefix of every network resource. */
  namePrefix: string;
  vpcCidr: string;
  /** One vSwitch per entry (planVSwitches). */
  vswitches: VSwitchPlan[];
  /** Mbit/s cap of the NAT gateway's EIP, billed by traffic. */
  natBandwidth: number;
  tags: Record<string, string>;
  /**
   * Protect the VPC and the vSwitches: a change that would replace them (a reordered or resliced zone list) is
   * refused by the engine instead of replacing the cluster that lives in them.
   */
  protect: boolean;
}

/**
 * A VPC, its vSwitches, and the egress ECI pods need to pull images and reach GitLab: an Enhanced NAT gateway,
 * an EIP bound to it, and one SNAT entry per vSwitch.
 */
export class AckNetwork extends pulumi.ComponentResource {
  public readonly vpcId: pulumi.Output<string>;
  public readonly vswitchIds: pulumi.Output<string>[];
  /** The NAT gateway's public address: what GitLab and registries see as the jobs' source. */
  public readonly egressIp: pulumi.Output<string>;

  constructor(name: string, args: AckNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    super("gitlab-ci-platform:cluster:AckNetwork", name, {}, opts);
    const child = { parent: this };
    const kept = { ...child, protect: args.protect };
    const network = new vpc.Network(
      `${name}-vpc`,
      { vpcName: this.checkedZones(args), cidrBlock: args.vpcCidr, tags: args.tags },
      kept,
    );
    const vswitches = args.vswitches.map(
      (v) =>
        new vpc.Switch(
          `${name}-vsw-${v.zoneId}`,
          {
            vswitchName: `${args.namePrefix}-${v.zoneId}`,
            vpcId: network.id,
            zoneId: v.zoneId,
            cidrBlock: v.cidr,
            tags: args.tags,
          },
          kept,
        ),
    );
    const nat = new vpc.NatGateway(
      `${name}-nat`,
      {
        natGatewayName: args.namePrefix,
        vpcId: network.id,
        vswitchId: vswitches[0].id,
        natType: "Enhanced",
        networkType: "internet",
        paymentType: "PayAsYouGo",
        internetChargeType: "PayByLcu",
        tags: args.tags,
      },
      child,
    );
    const eip = new ecs.EipAddress(
      `${name}-eip`,
      {
        addressName: `${args.namePrefix}-nat`,
        bandwidth: String(args.natBandwidth),
        internetChargeType: "PayByTraffic",
        paymentType: "PayAsYouGo",
        tags: args.tags,
      },
      child,
    );
    const association = new ecs.EipAssociation(
      `${name}-eip-nat`,
      { allocationId: eip.id, instanceId: nat.id, instanceType: "Nat" },
      child,
    );
    vswitches.forEach(
      (vsw, i) =>
        new vpc.SnatEntry(
          `${name}-snat-${args.vswitches[i].zoneId}`,
          {
            snatEntryName: `${args.namePrefix}-${args.vswitches[i].zoneId}`,
            snatTableId: nat.snatTableIds,
            snatIp: eip.ipAddress,
            sourceVswitchId: vsw.id,
          },
          { ...child, dependsOn: [association] },
        ),
    );
    this.vpcId = network.id;
    this.vswitchIds = vswitches.map((v) => v.id);
    this.egressIp = eip.ipAddress;
    this.registerOutputs({ vpcId: this.vpcId, vswitchIds: this.vswitchIds, egressIp: this.egressIp });
  }

  /**
   * The VPC's name, once the region has confirmed that every zone offers an Enhanced NAT gateway: asked at
   * preview, and before anything exists, since vSwitches in a wrong zone could only be replaced afterwards.
   */
  private checkedZones(args: AckNetworkArgs): pulumi.Output<string> {
    const offered = vpc.getEnhancedNatAvailableZonesOutput({}, { parent: this });
    return offered.apply(({ ids }) => {
      const problem = enhancedNatZoneProblem(
        args.vswitches.map((v) => v.zoneId),
        ids,
      );
      if (problem) throw new Error(`network ${args.namePrefix}: ${problem}`);
      return args.namePrefix;
    });
  }
}
