import { strict as assert } from "node:assert";
import { parse as parseToml } from "@iarna/toml";
import { RunnerFleet } from "../../../components/runner";
import { gitlabProvider } from "../../../components/gitlab/gitlab-provider";
import type { RecordedResource } from "../../../tools/synth/engine";
import { fleetArgs, fleetConfig } from "../../helpers/fleet";
import { one, recordResources } from "../../helpers/run-component";

const CLIENT_ID = "0b9a2f3c-4d5e-4f60-8a7b-9c0d1e2f3a4b";
const AZURE = {
  cache: { type: "azure", accountName: "cicache", containerName: "runner-cache", clientId: CLIENT_ID },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- recorded Kubernetes inputs are free-form
const inputs = (r: RecordedResource) => r.inputs as any;

describe("an Azure cache (workload identity)", function () {
  this.timeout(20000);
  let rs: RecordedResource[];
  before(async () => {
    rs = await recordResources(() => {
      const provider = gitlabProvider("gitlab", { url: "https://gitlab.example.com", token: "glpat-x" });
      const fleet = fleetConfig(AZURE);
      new RunnerFleet(fleet.name, fleetArgs(fleet), { provider });
    });
  });

  const runnerEntry = () => {
    const toml = inputs(one(rs, "kubernetes:core/v1:ConfigMap", "k8s-config")).data["config.toml"] as string;
    return (parseToml(toml).runners as Record<string, Record<string, unknown>>[])[0];
  };

  it("config.toml names the account and container and holds no key", () => {
    const cache = runnerEntry().cache;
    assert.equal(cache.Type, "azure");
    assert.deepEqual(cache.azure, { AccountName: "cicache", ContainerName: "runner-cache" });
    assert.doesNotMatch(JSON.stringify(cache), /AccountKey/);
  });

  it("the manager's and the jobs' ServiceAccounts name the managed identity; no Secret holds a key", () => {
    for (const name of ["k8s-manager-sa", "k8s-jobs-sa"]) {
      const sa = inputs(one(rs, "kubernetes:core/v1:ServiceAccount", name));
      assert.equal(sa.metadata.annotations["azure.workload.identity/client-id"], CLIENT_ID, name);
    }
    assert.throws(() => one(rs, "kubernetes:core/v1:Secret", "k8s-cache-s3"));
  });

  it("manager pods and job pods carry the workload identity label, beside the platform's own", () => {
    const template = inputs(one(rs, "kubernetes:apps/v1:StatefulSet")).spec.template;
    assert.equal(template.metadata.labels["azure.workload.identity/use"], "true");
    assert.equal(template.metadata.labels["app.kubernetes.io/instance"], "k8s");
    const kubernetes = runnerEntry().kubernetes as Record<string, Record<string, string>>;
    assert.equal(kubernetes.pod_labels["azure.workload.identity/use"], "true");
  });
});
