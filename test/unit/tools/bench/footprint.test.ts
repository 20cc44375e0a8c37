import { strict as assert } from "node:assert";
import {
  type ExportedResource,
  changedResources,
  rolledWorkloads,
  shortUrn,
  weeklyChanges,
} from "../../../../tools/bench/footprint";

const URN = "urn:pulumi:prod::gitlab-ci-platform::gitlab-ci-platform:runner:RunnerFleet$kubernetes:";
const configMap = (data: string): ExportedResource => ({
  urn: `${URN}core/v1:ConfigMap::k8s-config`,
  type: "kubernetes:core/v1:ConfigMap",
  inputs: { data: { "config.toml": data } },
});
const statefulSet = (replicas: number, image: string): ExportedResource => ({
  urn: `${URN}apps/v1:StatefulSet::k8s-manager`,
  type: "kubernetes:apps/v1:StatefulSet",
  inputs: { spec: { replicas, template: { spec: { containers: [{ image }] } } } },
});

describe("bench: what a one-setting change touches", () => {
  it("lists resources whose inputs differ, and those created or deleted", () => {
    const before = [configMap("a"), statefulSet(1, "runner:v18.10.0")];
    assert.deepEqual(changedResources(before, before), []);
    assert.deepEqual(changedResources(before, [configMap("b"), before[1]]), [before[0].urn]);
    const added = { ...configMap("a"), urn: `${URN}core/v1:ConfigMap::other` };
    assert.deepEqual(changedResources(before, [...before, added]), [added.urn]);
    assert.deepEqual(changedResources(before, [before[1]]), [before[0].urn]);
  });

  it("tells a pod-template change (a roll) from a replica change", () => {
    const before = [statefulSet(1, "runner:v18.10.0")];
    assert.deepEqual(rolledWorkloads(before, [statefulSet(2, "runner:v18.10.0")]), []);
    assert.deepEqual(rolledWorkloads(before, [statefulSet(1, "runner:v18.11.0")]), [before[0].urn]);
  });

  it("names a resource by its type and name", () => {
    assert.equal(shortUrn(configMap("a").urn), "ConfigMap k8s-config");
    assert.equal(shortUrn("not-a-urn"), "not-a-urn");
  });

  it("edits exactly one setting of the named fleet, and refuses an unknown fleet", () => {
    const config = () => ({
      "p:fleets": [
        { name: "k8s", concurrent: 10, tags: ["k8s"], kubernetes: { namespace: "ci" } },
        { name: "other", concurrent: 3 },
      ],
    });
    for (const change of weeklyChanges("p", "k8s")) {
      const edited = config();
      change.edit(edited);
      const [fleet, other] = edited["p:fleets"];
      assert.notDeepEqual(fleet, config()["p:fleets"][0], change.what);
      assert.deepEqual(other, config()["p:fleets"][1], change.what);
    }
    assert.throws(() => weeklyChanges("p", "missing")[0].edit(config()), /no fleet missing/);
  });
});
