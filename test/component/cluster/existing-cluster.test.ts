import { strict as assert } from "node:assert";
import { ExistingCluster } from "../../../components/cluster";
import { DEFAULTS } from "../../../model/defaults";
import { one, recordResources } from "../../helpers/run-component";

describe("ExistingCluster", function () {
  this.timeout(20000);

  it("updates ConfigMaps and Secrets in place: its provider, the one every fleet uses, makes their data mutable", async () => {
    const rs = await recordResources(
      () => new ExistingCluster("cluster", { clusterName: "dev", kubeClient: DEFAULTS.cluster.kubeClient }),
    );
    const provider = one(rs, "pulumi:providers:kubernetes");
    // Provider inputs reach the engine as strings.
    assert.equal(String(provider.inputs.enableConfigMapMutable), "true");
    assert.equal(String(provider.inputs.enableSecretMutable), "true");
    assert.equal(provider.inputs.clusterIdentifier, "dev");
  });

  it("lets its client send the requests a large stack needs at the rate the stack sets", async () => {
    const kubeClient = { qps: 300, burst: 600 };
    const rs = await recordResources(
      () => new ExistingCluster("cluster", { clusterName: "dev", kubeClient }),
    );
    // A provider's object input reaches the engine as JSON.
    const settings = one(rs, "pulumi:providers:kubernetes").inputs.kubeClientSettings;
    assert.deepEqual(JSON.parse(String(settings)), kubeClient);
  });
});
