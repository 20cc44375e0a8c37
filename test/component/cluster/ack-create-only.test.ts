import { strict as assert } from "node:assert";
import { AckServerlessCluster } from "../../../components/cluster";
import type { RecordedResource } from "../../../tools/synth/engine";
import { ofType, one, recordResources } from "../../helpers/run-component";
import { DEFAULTS } from "../../../model/defaults";

const NETWORK = {
  create: {
    vpcCidr: "10.20.0.0/16",
    vswitches: [
      { zoneId: "cn-hangzhou-i", cidr: "10.20.0.0/20" },
      { zoneId: "cn-hangzhou-j", cidr: "10.20.16.0/20" },
    ],
    natBandwidth: 100,
  },
};

function record(deletionProtection: boolean): Promise<RecordedResource[]> {
  return recordResources(
    () =>
      new AckServerlessCluster("cluster", {
        clusterName: "prod",
        clusterSpec: "ack.pro.small",
        serviceCidr: "172.21.0.0/20",
        endpointPublicAccess: false,
        deletionProtection,
        tags: {},
        network: NETWORK,
        kubeClient: DEFAULTS.cluster.kubeClient,
      }),
  );
}

/** What a change to a create-only setting would replace: the cluster (ForceNew fields) and its network. */
const CREATE_ONLY = [
  "alicloud:cs/serverlessKubernetes:ServerlessKubernetes",
  "alicloud:vpc/network:Network",
  "alicloud:vpc/switch:Switch",
];

describe("ACK Serverless create-only settings: the engine refuses a replacement of a protected cluster", () => {
  it("with deletion protection, the cluster, the VPC and every vSwitch are protect-ed", async () => {
    const created = await record(true);
    for (const type of CREATE_ONLY)
      for (const r of ofType(created, type)) assert.equal(r.options.protect, true, `${type} ${r.name}`);
    assert.equal(one(created, "alicloud:vpc/natGateway:NatGateway").options.protect, false);
  });

  it("without it (the step before destroying or replacing on purpose), nothing is protected", async () => {
    const created = await record(false);
    for (const type of CREATE_ONLY)
      for (const r of ofType(created, type)) assert.equal(r.options.protect, false, `${type} ${r.name}`);
  });
});
