import { strict as assert } from "node:assert";
import {
  installGitlabMocks,
  isWireSecret,
  registered,
  wireSecretValue,
  type GitlabMockEngine,
} from "./mock-engine";

type GitlabBindings = typeof import("../../../../components/gitlab/bindings");

const PROVIDER_TYPE = "pulumi:providers:gitlab";

describe("gitlab bindings: Provider", () => {
  let engine: GitlabMockEngine;
  let gitlab: GitlabBindings;

  before(async () => {
    engine = await installGitlabMocks();
    gitlab = await import("../../../../components/gitlab/bindings");
  });

  it("JSON-encodes insecure, retries, headers, earlyAuthCheck and enableAutoCiSupport; strings stay as they are", async () => {
    await registered(
      new gitlab.Provider("encoded", {
        baseUrl: "https://gitlab.example.com/api/v4/",
        cacertFile: "/etc/ssl/ca.pem",
        insecure: false,
        retries: 5,
        headers: { "X-Team": "platform" },
        earlyAuthCheck: true,
        enableAutoCiSupport: false,
      }),
    );
    const { wireInputs } = engine.registration(PROVIDER_TYPE, "encoded");
    assert.equal(wireInputs["insecure"], "false");
    assert.equal(wireInputs["retries"], "5");
    assert.equal(wireInputs["headers"], '{"X-Team":"platform"}');
    assert.equal(wireInputs["earlyAuthCheck"], "true");
    assert.equal(wireInputs["enableAutoCiSupport"], "false");
    assert.equal(wireInputs["baseUrl"], "https://gitlab.example.com/api/v4/");
    assert.equal(wireInputs["cacertFile"], "/etc/ssl/ca.pem");
  });

  it("sends no value for settings that are not set", async () => {
    await registered(new gitlab.Provider("sparse", {}));
    const { wireInputs } = engine.registration(PROVIDER_TYPE, "sparse");
    for (const name of ["insecure", "retries", "headers", "earlyAuthCheck", "enableAutoCiSupport", "token"]) {
      assert.equal(wireInputs[name], undefined, name);
    }
  });

  it("keeps the token secret: input wrapped and listed in additionalSecretOutputs", async () => {
    await registered(new gitlab.Provider("with-token", { token: "glpat-example" }));
    const registration = engine.registration(PROVIDER_TYPE, "with-token");
    assert.ok(isWireSecret(registration.wireInputs["token"]), "token input is not secret");
    assert.equal(wireSecretValue(registration.wireInputs["token"]), "glpat-example");
    assert.deepEqual(registration.additionalSecretOutputs, ["token"]);
    assert.equal(registration.version, "10.1.1");
  });

  it("is used by resources that name it as their provider", async () => {
    const provider = new gitlab.Provider("explicit", { baseUrl: "https://gitlab.example.com/api/v4/" });
    const runner = new gitlab.UserRunner("via-explicit", { runnerType: "instance_type" }, { provider });
    await registered(runner);
    assert.equal(engine.registration(gitlab.UserRunner.__pulumiType, "via-explicit").version, "10.1.1");
  });
});
