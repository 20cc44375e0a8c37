import { strict as assert } from "node:assert";
import { type KubernetesSettings, renderConfigToml } from "../../../../model/config-toml";
import { configWithKubernetes, renderedRunner } from "./helpers";

type Rendered = { kubernetes: Record<string, unknown> };
const kubernetesOf = (settings: Parameters<typeof configWithKubernetes>[0]) =>
  (renderedRunner(configWithKubernetes(settings)) as Rendered).kubernetes;

/**
 * What gitlab-runner v19.3.0's lint refused in configs the model rendered: a field the runner's schema wants in
 * every item of its table, and keys of a later runner.
 */
describe("config.toml for the pinned runner: what its lint refused", () => {
  it("an autoscaler policy always has preemptive_mode: unset, the runner's own default (idle_count > 0)", () => {
    const k = kubernetesOf({
      autoscaler: {
        maxPausePods: 2,
        policy: [
          { idleCount: 1, idleTime: "30m" },
          { periods: ["* * * * * sat,sun *"] },
          { preemptiveMode: false, idleCount: 3 },
        ],
      },
    });
    const policies = (k.autoscaler as { policy: { preemptive_mode?: boolean }[] }).policy;
    assert.deepEqual(
      policies.map((p) => p.preemptive_mode),
      [true, false, false],
    );
  });

  it("a DNS option always has a value: unset, the empty value (the kubelet writes both as the bare name)", () => {
    const k = kubernetesOf({
      dnsConfig: { options: [{ name: "single-request" }, { name: "ndots", value: "2" }] },
    });
    assert.deepEqual((k.dns_config as { options: unknown[] }).options, [
      { name: "single-request", value: "" },
      { name: "ndots", value: "2" },
    ]);
  });

  it("every PVC, hostPath and emptyDir volume has mount_propagation: unset, Kubernetes' None", () => {
    const k = kubernetesOf({
      volumes: {
        pvc: [{ name: "p", mountPath: "/p" }],
        hostPath: [{ name: "h", mountPath: "/h", mountPropagation: "HostToContainer" }],
        emptyDir: [{ name: "e", mountPath: "/e" }],
      },
    });
    const volumes = k.volumes as Record<string, { mount_propagation?: string }[]>;
    assert.deepEqual(
      ["pvc", "host_path", "empty_dir"].map((kind) => volumes[kind][0].mount_propagation),
      ["None", "HostToContainer", "None"],
    );
  });

  for (const [name, settings, key] of [
    ["suspendPvcSize", { suspendPvcSize: "5Gi" }, "runners.kubernetes.suspend_pvc_size"],
    [
      "suspendPvcStorageClass",
      { suspendPvcStorageClass: "fast" },
      "runners.kubernetes.suspend_pvc_storage_class",
    ],
    [
      "services[].suspendDataPath",
      { services: [{ name: "postgres:16", suspendDataPath: "/var/lib/postgresql" }] },
      "runners.kubernetes.services.suspend_data_path",
    ],
  ] satisfies [string, KubernetesSettings, string][]) {
    it(`${name} is never rendered for v19.3.0: the key came with v19.4.0`, () => {
      assert.throws(
        () => renderConfigToml(configWithKubernetes(settings)),
        (error: Error) => error.message.includes(key) && error.message.includes("v19.4.0 or later"),
      );
    });
  }

  it("an autoscaler idle time is 0 or at least a second (the runner's schema has minimum=1s)", () => {
    const withIdleTime = (idleTime: string | number) =>
      configWithKubernetes({ autoscaler: { policy: [{ idleCount: 1, idleTime }] } });
    assert.throws(() => renderConfigToml(withIdleTime("500ms")), /idleTime: .*must be 0 or at least 1s/);
    assert.throws(() => renderConfigToml(withIdleTime(999999999)), /must be 0 or at least 1s/);
    for (const fine of ["0", 0, "1s", "1h30m", 1000000000])
      assert.doesNotThrow(() => renderConfigToml(withIdleTime(fine)));
  });
});
