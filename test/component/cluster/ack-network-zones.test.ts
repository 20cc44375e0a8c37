import { strict as assert } from "node:assert";
import { AckNetwork } from "../../../components/cluster/ack-network";
import { enhancedNatZoneProblem } from "../../../model/ack";
import { ofType, recordResources } from "../../helpers/run-component";

function network(zones: string[]) {
  return () =>
    new AckNetwork("net", {
      namePrefix: "prod",
      vpcCidr: "10.20.0.0/16",
      vswitches: zones.map((zoneId, i) => ({ zoneId, cidr: `10.20.${i * 16}.0/20` })),
      natBandwidth: 100,
      tags: {},
      protect: true,
    });
}

describe("the network's zones must offer an Enhanced NAT gateway (vpc.getEnhancedNatAvailableZones)", () => {
  it("names the zones that do not, and the region's zones that do", () => {
    assert.equal(enhancedNatZoneProblem(["cn-hangzhou-i"], ["cn-hangzhou-i", "cn-hangzhou-j"]), undefined);
    assert.equal(
      enhancedNatZoneProblem(["cn-hangzhou-i", "cn-hangzhou-b"], ["cn-hangzhou-j", "cn-hangzhou-i"]),
      "zone cn-hangzhou-b offers no Enhanced NAT gateway in this region; zones that do: cn-hangzhou-i, cn-hangzhou-j",
    );
  });

  it("creates the network when the region offers every zone", async () => {
    const created = await recordResources(network(["cn-hangzhou-i", "cn-hangzhou-j"]));
    assert.equal(ofType(created, "alicloud:vpc/switch:Switch").length, 2);
  });

  it("stops before the VPC, the first resource, when a zone offers none", async () => {
    await assert.rejects(
      recordResources(network(["cn-hangzhou-i", "cn-hangzhou-b"]), "test", {
        enhancedNatZones: ["cn-hangzhou-i", "cn-hangzhou-j"],
      }),
      /network prod: zone cn-hangzhou-b offers no Enhanced NAT gateway/,
    );
  });
});
