import { strict as assert } from "node:assert";
import TOML from "@iarna/toml";
import {
  CONFIG_SECTION,
  compareRunnerVersions,
  keysBeyond,
  KUBERNETES_SECTION,
  type KeyVersionTable,
  renderConfigToml,
  REQUIRED_WHEN_PRESENT,
  requiredFieldKey,
  RUNNER_KEY_VERSIONS,
  runnerVersion,
} from "../../../../model/config-toml";
import KEY_VERSIONS from "../../../../model/config-toml/runner-key-versions.json";
import type { Section } from "../../../../model/config-toml";
import { configWithKubernetes } from "./helpers";

/** Every key of the model as the version table names it: TOML keys joined by dots, no array indices. */
function modelKeys(section: Section = CONFIG_SECTION, prefix: string[] = []): string[] {
  return Object.entries(section.keys).flatMap(([field, key]) => {
    const nested = section.nested[field];
    return [[...prefix, key].join("."), ...(nested ? modelKeys(nested, [...prefix, key]) : [])];
  });
}

describe("the runner version table: when the runner learned each key", () => {
  it("names every key of the model, and no key the model does not have", () => {
    const keys = modelKeys();
    assert.deepEqual(
      keys.filter((key) => RUNNER_KEY_VERSIONS(key) === undefined),
      [],
      "model keys without a version",
    );
    assert.deepEqual(
      Object.keys(KEY_VERSIONS.introduced).filter((key) => !keys.includes(key)),
      [],
      "table keys the model lacks",
    );
  });

  it("holds released versions only, and a removal never precedes its introduction", () => {
    for (const [key, version] of Object.entries(KEY_VERSIONS.introduced))
      assert.doesNotThrow(() => runnerVersion(version), key);
    for (const [key, removed] of Object.entries(KEY_VERSIONS.removed as Record<string, string>)) {
      const introduced = runnerVersion(KEY_VERSIONS.introduced[key as keyof typeof KEY_VERSIONS.introduced]);
      assert.ok(compareRunnerVersions(introduced, runnerVersion(removed)) < 0, key);
    }
  });

  it("a nested key never predates the table that holds it", () => {
    for (const key of Object.keys(KEY_VERSIONS.introduced)) {
      const dot = key.lastIndexOf(".");
      if (dot < 0) continue;
      const parent = key.slice(0, dot);
      const [own, outer] = [RUNNER_KEY_VERSIONS(key)!, RUNNER_KEY_VERSIONS(parent)!];
      assert.ok(compareRunnerVersions(own.introduced, outer.introduced) >= 0, `${key} before ${parent}`);
    }
  });

  it("compares versions numerically, not as text", () => {
    assert.ok(compareRunnerVersions("v19.10.0", "v19.9.1") > 0);
    assert.equal(compareRunnerVersions("v19.3.0", "v19.3.0"), 0);
    assert.throws(() => runnerVersion("19.3.0"), /not a runner version/);
  });
});

describe("keysBeyond: the keys a value sets that a runner version does not read", () => {
  const life = (introduced: string, removed?: string) => ({
    introduced: runnerVersion(introduced),
    ...(removed ? { removed: runnerVersion(removed) } : {}),
  });
  const table: KeyVersionTable = (key) =>
    ({
      "runners.kubernetes.image": life("v1.0.0"),
      "runners.kubernetes.privileged": life("v1.0.0", "v19.0.0"),
      "runners.kubernetes.services": life("v19.0.0"),
    })[key] ?? RUNNER_KEY_VERSIONS(key);
  const value = { image: "alpine:3", privileged: true, services: [{ name: "redis:7" }] };
  const beyond = (version: string) =>
    keysBeyond(runnerVersion(version), value, KUBERNETES_SECTION, ["runners", "kubernetes"], table).map((k) =>
      k.path.join("."),
    );

  it("a key introduced later, and a key removed since", () => {
    assert.deepEqual(beyond("v18.11.0"), ["services"]);
    assert.deepEqual(beyond("v19.0.0"), ["privileged"]);
    assert.deepEqual(beyond("v18.0.0"), ["services"]);
  });

  it("the pinned runner lacks exactly the three keys that came with v19.4.0", () => {
    const later = Object.entries(KEY_VERSIONS.introduced).filter(
      ([, version]) => compareRunnerVersions(runnerVersion(version), "v19.3.0") > 0,
    );
    assert.deepEqual(later, [
      ["runners.kubernetes.services.suspend_data_path", "v19.4.0"],
      ["runners.kubernetes.suspend_pvc_size", "v19.4.0"],
      ["runners.kubernetes.suspend_pvc_storage_class", "v19.4.0"],
    ]);
  });
});

describe("fields the runner requires in each item of their table follow its version too", () => {
  it("each required field is a key of the model with a version", () => {
    for (const required of REQUIRED_WHEN_PRESENT)
      assert.ok(RUNNER_KEY_VERSIONS(requiredFieldKey(required)), requiredFieldKey(required));
  });

  it("an emptyDir gets no mount_propagation from a runner older than v19.0.0, which does not read it", () => {
    const config = configWithKubernetes({
      volumes: { emptyDir: [{ name: "e", mountPath: "/e" }], pvc: [{ name: "p", mountPath: "/p" }] },
    });
    const volumesFor = (version: string) =>
      (
        TOML.parse(renderConfigToml(config, { version: runnerVersion(version) })) as unknown as {
          runners: { kubernetes: { volumes: Record<string, Record<string, unknown>[]> } }[];
        }
      ).runners[0].kubernetes.volumes;
    assert.equal(volumesFor("v18.11.0").empty_dir[0].mount_propagation, undefined);
    assert.equal(volumesFor("v18.11.0").pvc[0].mount_propagation, "None");
    assert.equal(volumesFor("v19.0.0").empty_dir[0].mount_propagation, "None");
  });

  it("a table the version lacks is refused whole, its required fields never added", () => {
    assert.throws(
      () =>
        renderConfigToml(configWithKubernetes({ autoscaler: { policy: [{ idleCount: 1 }] } }), {
          version: runnerVersion("v18.10.0"),
        }),
      /autoscaler: GitLab Runner v18\.10\.0 does not read runners\.kubernetes\.autoscaler/,
    );
  });
});
