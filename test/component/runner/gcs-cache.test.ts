import { strict as assert } from "node:assert";
import { parse as parseToml } from "@iarna/toml";
import { RunnerFleet } from "../../../components/runner";
import { gitlabProvider } from "../../../components/gitlab/gitlab-provider";
import type { RecordedResource } from "../../../tools/synth/engine";
import { isSecretValue } from "../../../tools/synth/engine";
import { fleetArgs, fleetConfig } from "../../helpers/fleet";
import { one, recordResources } from "../../helpers/run-component";

const KEY =
  '{"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----\\n"}';
const GCS = { cache: { type: "gcs", bucketName: "ci-cache", shared: true } };

async function gcsFleet(key = KEY) {
  return recordResources(() => {
    const provider = gitlabProvider("gitlab", { url: "https://gitlab.example.com", token: "glpat-x" });
    const fleet = fleetConfig(GCS);
    new RunnerFleet(fleet.name, fleetArgs(fleet, { credentials: { cacheGcsCredentials: key } }), {
      provider,
    });
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- recorded Kubernetes inputs are free-form
const inputs = (r: RecordedResource) => r.inputs as any;

describe("a GCS cache", function () {
  this.timeout(20000);
  let rs: RecordedResource[];
  before(async () => {
    rs = await gcsFleet();
  });

  it("config.toml names only the key file; the key is a Secret mounted there read-only", () => {
    const toml = inputs(one(rs, "kubernetes:core/v1:ConfigMap", "k8s-config")).data["config.toml"] as string;
    const cache = (parseToml(toml).runners as { cache: Record<string, unknown> }[])[0].cache;
    assert.equal(cache.Type, "gcs");
    assert.equal(cache.Shared, true);
    assert.deepEqual(cache.gcs, {
      BucketName: "ci-cache",
      CredentialsFile: "/etc/gitlab-runner-cache-gcs/credentials.json",
    });
    assert.ok(!toml.includes("PRIVATE KEY"));

    const secret = one(rs, "kubernetes:core/v1:Secret", "k8s-cache-gcs");
    assert.equal(inputs(secret).metadata.namespace, "gitlab-runner");
    assert.ok(isSecretValue(inputs(secret).stringData));
    const pod = inputs(one(rs, "kubernetes:apps/v1:StatefulSet")).spec.template.spec;
    assert.ok(
      pod.volumes.some((v: { secret?: { secretName: string } }) => v.secret?.secretName === "k8s-cache-gcs"),
    );
    const mount = pod.containers[0].volumeMounts.find((m: { name: string }) => m.name === "cache-gcs");
    assert.deepEqual(mount, { name: "cache-gcs", mountPath: "/etc/gitlab-runner-cache-gcs", readOnly: true });
  });

  it("rotating the key rolls the managers", async () => {
    const checksum = (r: RecordedResource[]) =>
      inputs(one(r, "kubernetes:apps/v1:StatefulSet")).spec.template.metadata.annotations[
        "gitlab-ci-platform/credentials-checksum"
      ];
    assert.equal(typeof checksum(rs), "string");
    assert.notEqual(checksum(await gcsFleet(KEY.replace("MIIE", "MIIF"))), checksum(rs));
  });
});
