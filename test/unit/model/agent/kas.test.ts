import { strict as assert } from "node:assert";
import { defaultKasAddress, kasEndpoint } from "../../../../model/agent";

describe("the agent server's address (KAS)", () => {
  it("a self-managed GitLab serves it under its own URL, WebSocket over TLS for https (Omnibus' default)", () => {
    assert.equal(
      defaultKasAddress("https://gitlab.example.com"),
      "wss://gitlab.example.com/-/kubernetes-agent/",
    );
    assert.equal(
      defaultKasAddress("https://example.com/gitlab/"),
      "wss://example.com/gitlab/-/kubernetes-agent/",
    );
    assert.equal(
      defaultKasAddress("https://gitlab.example.com:8443"),
      "wss://gitlab.example.com:8443/-/kubernetes-agent/",
    );
  });

  it("plain WebSocket for an http GitLab; GitLab.com's is kas.gitlab.com", () => {
    assert.equal(defaultKasAddress("http://gitlab.test"), "ws://gitlab.test/-/kubernetes-agent/");
    assert.equal(defaultKasAddress("https://gitlab.com"), "wss://kas.gitlab.com");
  });

  it("reads scheme, encryption and port; refuses what agentk does not dial", () => {
    assert.deepEqual(kasEndpoint("wss://kas.gitlab.com"), { scheme: "wss", tls: true, port: 443 });
    assert.deepEqual(kasEndpoint("grpcs://kas.example.com:8150"), { scheme: "grpcs", tls: true, port: 8150 });
    assert.deepEqual(kasEndpoint("ws://gitlab.test/-/kubernetes-agent/"), {
      scheme: "ws",
      tls: false,
      port: 80,
    });
    assert.deepEqual(kasEndpoint("grpc://127.0.0.1:8150"), { scheme: "grpc", tls: false, port: 8150 });
    assert.equal(kasEndpoint("https://gitlab.example.com/-/kubernetes-agent/"), undefined);
    assert.equal(kasEndpoint("gitlab.example.com"), undefined);
  });
});
