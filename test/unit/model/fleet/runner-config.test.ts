import { strict as assert } from "node:assert";
import { buildRunnerConfig } from "../../../../model/fleet";
import type { RunnerConfigContext } from "../../../../model/fleet";
import { renderConfigToml } from "../../../../model/config-toml";
import TOML from "@iarna/toml";
import { fleetConfig } from "../../../helpers/fleet";

type RenderedVolumes = {
  runners: { kubernetes: { volumes: Record<string, { name: string; mount_propagation?: string }[]> } }[];
};

const ctx = (extra: Partial<RunnerConfigContext> = {}): RunnerConfigContext => ({
  gitlabUrl: "https://gitlab.example.com",
  gitlabCa: false,
  hostAliases: [{ ip: "10.0.0.5", hostnames: ["gitlab.example.com"] }],
  jobNamespace: "ci",
  jobPodSecurity: "restricted",
  jobServiceAccount: "k8s-jobs",
  metricsPort: 9252,
  ...extra,
});

describe("config.toml built from a fleet", () => {
  it("uses ${RUNNER_TOKEN}, the job namespace and ServiceAccount, and one runner entry limited to concurrent", () => {
    const config = buildRunnerConfig(fleetConfig({ concurrent: 7 }), ctx());
    const runner = config.runners![0];
    assert.equal(runner.token, "${RUNNER_TOKEN}");
    assert.equal(runner.limit, 7);
    assert.equal(config.concurrent, 7);
    assert.equal(runner.kubernetes?.namespace, "ci");
    assert.equal(runner.kubernetes?.serviceAccount, "k8s-jobs");
    assert.deepEqual(runner.kubernetes?.hostAliases, [{ ip: "10.0.0.5", hostnames: ["gitlab.example.com"] }]);
  });

  it("makes job pods admissible under restricted, letting the fleet override field by field", () => {
    const k = buildRunnerConfig(
      fleetConfig({ kubernetes: { podSecurityContext: { runAsUser: 2000 } } }),
      ctx(),
    ).runners![0].kubernetes!;
    assert.equal(k.podSecurityContext?.runAsUser, 2000);
    assert.equal(k.podSecurityContext?.runAsNonRoot, true);
    for (const c of [
      k.buildContainerSecurityContext,
      k.helperContainerSecurityContext,
      k.serviceContainerSecurityContext,
    ]) {
      assert.deepEqual(c?.capabilities?.drop, ["ALL"]);
      assert.equal(c?.allowPrivilegeEscalation, false);
    }
  });

  it("adds no security defaults in baseline namespaces (kaniko needs root)", () => {
    const k = buildRunnerConfig(
      fleetConfig({ kaniko: true }),
      ctx({ jobPodSecurity: "baseline", registrySecret: "r" }),
    ).runners![0].kubernetes!;
    assert.equal(k.podSecurityContext, undefined);
    assert.deepEqual(k.imagePullSecrets, ["r"]);
  });

  it("privileged only for docker-in-docker; the docker socket as a hostPath only when asked", () => {
    const dind = fleetConfig({ dangerous: { dockerInDocker: true } });
    assert.equal(
      buildRunnerConfig(dind, ctx({ jobPodSecurity: "privileged" })).runners![0].kubernetes?.privileged,
      true,
    );
    assert.equal(buildRunnerConfig(fleetConfig(), ctx()).runners![0].kubernetes?.privileged, undefined);
    const sock = fleetConfig({ dangerous: { dockerSocket: true } });
    const hostPaths = buildRunnerConfig(sock, ctx({ jobPodSecurity: "privileged" })).runners![0].kubernetes
      ?.volumes?.hostPath;
    assert.deepEqual(hostPaths, [
      {
        name: "docker-sock",
        mountPath: "/var/run/docker.sock",
        hostPath: "/var/run/docker.sock",
      },
    ]);
  });

  it("docker-in-docker gets an in-memory emptyDir at /certs/client, so the dind service's TLS certificates reach the build container", () => {
    const dind = fleetConfig({ dangerous: { dockerInDocker: true } });
    const emptyDirs = buildRunnerConfig(dind, ctx({ jobPodSecurity: "privileged" })).runners![0].kubernetes
      ?.volumes?.emptyDir;
    assert.deepEqual(
      emptyDirs?.find((v) => v.name === "docker-certs"),
      { name: "docker-certs", mountPath: "/certs/client", medium: "Memory" },
    );
    const plain = buildRunnerConfig(fleetConfig(), ctx()).runners![0].kubernetes?.volumes?.emptyDir ?? [];
    assert.ok(!plain.some((v) => v.name === "docker-certs"));
  });

  it("ephemeral builds volumes go through a strategic pod_spec patch and turn on its feature flag", () => {
    const fleet = fleetConfig({ builds: { type: "ephemeralPvc", storageClass: "fast", size: "5Gi" } });
    const runner = buildRunnerConfig(fleet, ctx()).runners![0];
    assert.equal(runner.featureFlags?.FF_USE_ADVANCED_POD_SPEC_CONFIGURATION, true);
    assert.equal(runner.kubernetes?.podSpec?.[0].patchType, "strategic");
    assert.match(runner.kubernetes!.podSpec![0].patch!, /storageClassName: fast/);
  });

  it("renders byte-identical TOML for the same fleet", () => {
    const render = () =>
      renderConfigToml(buildRunnerConfig(fleetConfig({ kaniko: true }), ctx({ registrySecret: "r" })));
    assert.equal(render(), render());
  });
});

describe("config.toml passes the runner's own checks", () => {
  it("every emptyDir, PVC and hostPath volume is rendered with its mount propagation, so gitlab-runner lint finds no null", () => {
    const fleet = fleetConfig({
      cache: { type: "pvc" },
      builds: { type: "pvcPerJob" },
      kubernetes: {
        volumes: {
          emptyDir: [
            { name: "scratch", mountPath: "/scratch" },
            { name: "s", mountPath: "/s", mountPropagation: "HostToContainer" },
          ],
        },
      },
    });
    const toml = renderConfigToml(
      buildRunnerConfig(
        fleet,
        ctx({ cacheVolume: { claim: "k8s-cache" }, buildsClaimPattern: "b-$CI_CONCURRENT_ID" }),
      ),
    );
    const volumes = (TOML.parse(toml) as unknown as RenderedVolumes).runners[0].kubernetes.volumes;
    const all = [...(volumes.empty_dir ?? []), ...(volumes.pvc ?? []), ...(volumes.host_path ?? [])];
    assert.deepEqual(
      all.map((v) => `${v.name}: ${v.mount_propagation}`),
      ["scratch: None", "s: HostToContainer", "b-$CI_CONCURRENT_ID: None", "k8s-cache: None"],
    );
  });

  it("job pickup is no bottleneck: request_concurrency defaults to 4 and a fleet can set its own", () => {
    assert.equal(buildRunnerConfig(fleetConfig(), ctx()).runners![0].requestConcurrency, 4);
    assert.equal(
      buildRunnerConfig(fleetConfig({ requestConcurrency: 2 }), ctx()).runners![0].requestConcurrency,
      2,
    );
  });
});

describe("config.toml honours what a fleet asks for", () => {
  it("a podSpec patch turns on FF_USE_ADVANCED_POD_SPEC_CONFIGURATION, without which the runner ignores it", () => {
    const patched = fleetConfig({
      kubernetes: { podSpec: [{ name: "p", patch: "hostname: x", patchType: "strategic" }] },
    });
    const flags = buildRunnerConfig(patched, ctx()).runners![0].featureFlags;
    assert.equal(flags?.FF_USE_ADVANCED_POD_SPEC_CONFIGURATION, true);
    assert.equal(buildRunnerConfig(fleetConfig(), ctx()).runners![0].featureFlags, undefined);
  });
});
