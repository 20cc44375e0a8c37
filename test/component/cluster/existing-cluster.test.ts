import { strict as assert } from "node:assert";
import { ExistingCluster } from "../../../components/cluster";
import { one, recordResources } from "../../helpers/run-component";

describe("ExistingCluster", function () {
  this.timeout(20000);

  it("updates ConfigMaps and Secrets in place: its provider, the one every fleet uses, makes their data mutable", async () => {
    const rs = await recordResources(() => new ExistingCluster("cluster", { clusterName: "dev" }));
    const provider = one(rs, "pulumi:providers:kubernetes");
    // Provider inputs reach the engine as strings.
    assert.equal(String(provider.inputs.enableConfigMapMutable), "true");
    assert.equal(String(provider.inputs.enableSecretMutable), "true");
    assert.equal(provider.inputs.clusterIdentifier, "dev");
  });
});
