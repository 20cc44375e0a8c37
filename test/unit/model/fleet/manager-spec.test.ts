import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import {
  PREPARE_CONFIG_SCRIPT,
  managerStatefulSetSpec,
  managerTimeouts,
  systemIdFor,
  terminationGracePeriod,
} from "../../../../model/fleet";
import { dockerConfigJson } from "../../../../model/docker-config";

describe("runner manager identity and shutdown", () => {
  it("two replicas get distinct system ids, each stable across restarts", () => {
    const a = systemIdFor("gitlab-runner", "k8s-runner-0");
    const b = systemIdFor("gitlab-runner", "k8s-runner-1");
    assert.notEqual(a, b);
    assert.equal(systemIdFor("gitlab-runner", "k8s-runner-0"), a);
    assert.match(a, /^s_[0-9a-f]{12}$/);
  });

  it("the init script writes the same system id as systemIdFor, and links config.toml", function () {
    const dir = execFileSync("mktemp", ["-d"], { encoding: "utf8" }).trim();
    const script = PREPARE_CONFIG_SCRIPT.replaceAll(
      "/etc/gitlab-runner-template",
      `${dir}/template`,
    ).replaceAll("/etc/gitlab-runner", dir);
    execFileSync("sh", ["-c", script], {
      env: { ...process.env, POD_NAME: "k8s-runner-1", POD_NAMESPACE: "gitlab-runner" },
    });
    const written = execFileSync("cat", [`${dir}/.runner_system_id`], { encoding: "utf8" });
    assert.equal(written, systemIdFor("gitlab-runner", "k8s-runner-1"));
    assert.equal(
      execFileSync("readlink", [`${dir}/config.toml`], { encoding: "utf8" }).trim(),
      `${dir}/template/config.toml`,
    );
  });

  it("grace period is the longest job plus shutdown time plus a margin", () => {
    assert.ok(terminationGracePeriod(600) > 600);
    assert.equal(terminationGracePeriod(7200) - terminationGracePeriod(3600), 3600);
  });

  it("dockerconfigjson has the auth field kubectl writes", () => {
    const doc = JSON.parse(dockerConfigJson("harbor.example.com", "robot$ci", "p@ss"));
    assert.equal(doc.auths["harbor.example.com"].auth, Buffer.from("robot$ci:p@ss").toString("base64"));
  });
});

describe("manager StatefulSet spec", () => {
  const input = {
    fleet: "k8s",
    image: "registry.gitlab.com/gitlab-org/gitlab-runner:alpine-v19.3.0",
    replicas: 2,
    serviceAccount: "k8s-runner",
    serviceName: "k8s-runner-metrics",
    configMap: "k8s-runner-config",
    tokenSecret: "k8s-runner-token",
    credentials: [],
    hostAliases: [],
    resources: { requests: { cpu: "50m" }, limits: { memory: "256Mi" } },
    nodeSelector: {},
    imageFlavor: "alpine" as const,
    pod: {
      podAnnotations: {},
      podLabels: {},
      tolerations: [],
      topologySpreadConstraints: [],
      env: [],
      volumes: [],
      imagePullSecrets: [],
    },
    metricsPort: 9252,
    maximumTimeout: 3600,
    labels: { app: "x" },
  };

  it("waits for the runner only in the revision annotation, so the rest is known at preview", () => {
    const unknown = { unknown: true };
    const spec = managerStatefulSetSpec({ ...input, runnerRevision: unknown as unknown as string });
    const places: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (value === unknown) places.push(path);
      else if (value && typeof value === "object")
        for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
    };
    walk(spec, "spec");
    assert.deepEqual(places, ["spec.template.metadata.annotations.gitlab-ci-platform/runner-revision"]);
  });

  it("spreads several replicas across nodes, and leaves a single one unconstrained", () => {
    const spread = managerStatefulSetSpec({ ...input, runnerRevision: "1" });
    const term = (
      spread.template as {
        spec: {
          affinity: {
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: { podAffinityTerm: { topologyKey: string } }[];
            };
          };
        };
      }
    ).spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0];
    assert.equal(term.podAffinityTerm.topologyKey, "kubernetes.io/hostname");
    const single = managerStatefulSetSpec({ ...input, replicas: 1, runnerRevision: "1" });
    assert.equal((single.template as { spec: { affinity?: unknown } }).spec.affinity, undefined);
  });

  it("gives Pulumi long enough to roll every replica and to drain them on delete", () => {
    const t = managerTimeouts(3600, 2);
    const minutes = (s?: string) => Number(s?.replace(/m$/, ""));
    const graceMinutes = terminationGracePeriod(3600) / 60;
    assert.ok(minutes(t.update) >= 2 * graceMinutes, t.update);
    assert.ok(minutes(t.delete) >= graceMinutes, t.delete);
  });
});
