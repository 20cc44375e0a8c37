import { strict as assert } from "node:assert";
import { parse } from "yaml";
import { buildKubeconfig, caDataFromPem, endpointOfKubeconfig } from "../../../../model/deploy";

const input = {
  cluster: { server: "https://10.0.0.1:6443", caData: caDataFromPem("-----BEGIN CERTIFICATE-----\nx\n") },
  token: "eyJhbGciOiJSUzI1NiJ9.payload.sig",
  namespace: "shop-prod",
  contextName: "shop-prod-deployer",
};

describe("buildKubeconfig", () => {
  it("holds one cluster, one token user and one current context pinned to the namespace", () => {
    const doc = parse(buildKubeconfig(input));
    assert.equal(doc.kind, "Config");
    assert.equal(doc["current-context"], "shop-prod-deployer");
    assert.deepEqual(doc.clusters, [
      {
        name: "shop-prod-deployer",
        cluster: { server: "https://10.0.0.1:6443", "certificate-authority-data": input.cluster.caData },
      },
    ]);
    assert.deepEqual(doc.users, [{ name: "shop-prod-deployer", user: { token: input.token } }]);
    assert.deepEqual(doc.contexts[0].context, {
      cluster: "shop-prod-deployer",
      user: "shop-prod-deployer",
      namespace: "shop-prod",
    });
  });

  it("carries the CA as base64 of the PEM, which decodes back to it", () => {
    const doc = parse(buildKubeconfig(input));
    const ca = Buffer.from(doc.clusters[0].cluster["certificate-authority-data"], "base64").toString();
    assert.equal(ca, "-----BEGIN CERTIFICATE-----\nx\n");
  });

  it("authenticates with the token only: no client certificate, no admin user", () => {
    const text = buildKubeconfig(input);
    assert.doesNotMatch(text, /client-(certificate|key)/);
    assert.doesNotMatch(text, /admin/);
  });

  it("renders the same input to the same text", () => {
    assert.equal(buildKubeconfig(input), buildKubeconfig({ ...input }));
  });
});

describe("endpointOfKubeconfig", () => {
  it("reads the server and CA of the current context's cluster, and builds them back unchanged", () => {
    assert.deepEqual(endpointOfKubeconfig(buildKubeconfig(input)), input.cluster);
  });

  it("follows the current context when the kubeconfig names several clusters", () => {
    const two = [
      "clusters:",
      "  - {name: a, cluster: {server: https://a.example:6443, certificate-authority-data: QUFB}}",
      "  - {name: b, cluster: {server: https://b.example:6443, certificate-authority-data: QkJC}}",
      "contexts: [{name: admin, context: {cluster: b, user: admin}}]",
      "current-context: admin",
    ].join("\n");
    assert.deepEqual(endpointOfKubeconfig(two), { server: "https://b.example:6443", caData: "QkJC" });
  });

  it("refuses a kubeconfig without a CA, naming what is missing", () => {
    const noCa = "clusters: [{name: a, cluster: {server: https://a.example:6443}}]\ncurrent-context: x\n";
    assert.throws(() => endpointOfKubeconfig(noCa), /no certificate-authority-data/);
  });
});
