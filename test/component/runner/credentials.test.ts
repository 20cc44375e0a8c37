import { strict as assert } from "node:assert";
import { RunnerFleet } from "../../../components/runner";
import { gitlabProvider } from "../../../components/gitlab/gitlab-provider";
import { type FleetContext, planFleet } from "../../../model/fleet";
import type { RecordedResource } from "../../../tools/synth/engine";
import { isSecretValue } from "../../../tools/synth/engine";
import { fleetArgs, fleetConfig } from "../../helpers/fleet";
import { ofType, recordResources } from "../../helpers/run-component";

const SECRET = "kubernetes:core/v1:Secret";
const OSS = {
  serverAddress: "oss-cn-hangzhou-internal.aliyuncs.com",
  bucketName: "ci",
  bucketLocation: "cn-hangzhou",
};
/** What index.ts hands every fleet: the stack's secrets and the OSS cache's key, whichever a fleet uses. */
const VALUES = {
  registryPassword: "harbor-pass-123",
  gitSshPrivateKey: "-----BEGIN OPENSSH PRIVATE KEY-----\nx\n-----END OPENSSH PRIVATE KEY-----",
  cacheS3AccessKey: "AKIAEXAMPLEKEY",
  cacheS3SecretKey: "s3-secret-key",
  ossCacheAccessKey: "LTAIEXAMPLEKEY00",
  ossCacheSecretKey: "oss-secret-key",
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- recorded Kubernetes inputs are free-form
const inputs = (r: RecordedResource) => r.inputs as any;

async function ossFleet() {
  const fleet = fleetConfig({ cache: { type: "oss", shared: true }, gitSsh: true });
  const args = fleetArgs(fleet, {
    ossCache: OSS,
    gitSsh: { knownHosts: "gitlab.example.com ssh-ed25519 AAAA" },
    credentials: VALUES,
  });
  const resources = await recordResources(() => {
    const provider = gitlabProvider("gitlab", { url: "https://gitlab.example.com", token: "glpat-x" });
    new RunnerFleet(fleet.name, args, { provider });
  });
  const context: FleetContext = { ...args, stack: "test", credentials: Object.keys(VALUES) };
  return { resources, plan: planFleet(fleet, context) };
}

describe("RunnerFleet creates exactly the credential Secrets its plan lists", function () {
  this.timeout(20000);

  it("one per plan entry beside the token's, named, typed and placed as listed, nothing else", async () => {
    const { resources, plan } = await ossFleet();
    const created = ofType(resources, SECRET).map((r) => {
      const { metadata, type } = inputs(r);
      return [metadata.name, metadata.namespace, type];
    });
    assert.deepEqual(
      created.sort(),
      [
        ["k8s-runner-token", "gitlab-runner", "Opaque"],
        ...plan.credentials.map((s) => [s.name, s.namespace, s.type]),
      ].sort(),
    );
    assert.deepEqual(
      plan.credentials.map((s) => s.name),
      ["k8s-registry", "k8s-git-ssh", "k8s-cache-s3"],
    );
  });

  it("fills an OSS fleet's S3 key Secret from the OSS cache's key, secret, never from the S3 secrets", async () => {
    const { resources } = await ossFleet();
    const secret = ofType(resources, SECRET).find((r) => inputs(r).metadata.name === "k8s-cache-s3");
    assert.ok(secret, "the OSS key Secret exists");
    const stringData = inputs(secret).stringData;
    assert.ok(isSecretValue(stringData), "its data is secret");
    assert.deepEqual(stringData.value, {
      accesskey: VALUES.ossCacheAccessKey,
      secretkey: VALUES.ossCacheSecretKey,
    });
  });
});
