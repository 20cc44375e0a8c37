import { strict as assert } from "node:assert";
import { parse as parseToml } from "@iarna/toml";
import { planFleet, managerStatefulSetSpec, type FleetContext } from "../../../../model/fleet";
import { managerPodsPinnedImages, managerPodsRestricted } from "../../../../policy/rules/manager-pods";
import { assertPasses } from "../../../policy/check";
import { view } from "../../../policy/fixture-base";
import { fleetConfig } from "../../../helpers/fleet";

const context: FleetContext = {
  stack: "prod",
  gitlab: { url: "https://gitlab.example.com", defaultGroup: "platform" },
  managerNamespace: "gitlab-runner",
  hostAliases: [],
  runnerImage: { repository: "registry.gitlab.com/gitlab-org/gitlab-runner", version: "v19.3.0" },
  credentials: [],
};

const DIGEST = `sha256:${"a".repeat(64)}`;
const CHART_USER_OPTIONS = {
  podAnnotations: { "cluster-autoscaler.kubernetes.io/safe-to-evict": "false" },
  podLabels: { team: "platform" },
  tolerations: [{ key: "dedicated", operator: "Equal", value: "ci", effect: "NoSchedule" }],
  affinity: {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: "pool", operator: "In", values: ["ci"] }] }],
      },
    },
  },
  topologySpreadConstraints: [
    { maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway" },
  ],
  priorityClassName: "ci-managers",
  env: [
    { name: "HTTPS_PROXY", value: "http://proxy.example.com:3128" },
    { name: "PROXY_PASSWORD", secret: { name: "proxy", key: "password" } },
    { name: "NO_PROXY", configMap: { name: "proxy", key: "no-proxy" } },
  ],
  volumes: [
    { name: "extra-ca", mountPath: "/etc/ssl/extra", readOnly: true, configMap: "extra-ca" },
    { name: "scratch", mountPath: "/scratch", emptyDir: { sizeLimit: "64Mi" } },
  ],
  imagePullSecrets: ["mirror-pull"],
  imageFlavor: "ubuntu",
  imageDigest: DIGEST,
  metricsPort: 9400,
};

function managerPod(manager: Record<string, unknown> = CHART_USER_OPTIONS, replicas = 2) {
  const plan = planFleet(fleetConfig({ replicas, manager }), context);
  const spec = managerStatefulSetSpec({ ...plan.manager, runnerRevision: "1" });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a plain, fully known Kubernetes object
  return { plan, spec: spec as any };
}

describe("manager pod options of the official Helm chart", () => {
  const { plan, spec } = managerPod();
  const pod = spec.template.spec;
  const runner = pod.containers[0];

  it("podAnnotations and podLabels reach the pod, beside the platform's own", () => {
    assert.equal(
      spec.template.metadata.annotations["cluster-autoscaler.kubernetes.io/safe-to-evict"],
      "false",
    );
    assert.equal(spec.template.metadata.annotations["gitlab-ci-platform/runner-revision"], "1");
    assert.equal(spec.template.metadata.labels.team, "platform");
    for (const [k, v] of Object.entries(spec.selector.matchLabels))
      assert.equal(spec.template.metadata.labels[k], v);
  });

  it("tolerations, affinity (replacing the platform's spread), topology spread and priority class are set", () => {
    assert.deepEqual(pod.tolerations, CHART_USER_OPTIONS.tolerations);
    assert.deepEqual(pod.affinity, CHART_USER_OPTIONS.affinity);
    assert.equal(pod.priorityClassName, "ci-managers");
    const [spread] = pod.topologySpreadConstraints;
    assert.equal(spread.topologyKey, "topology.kubernetes.io/zone");
    assert.deepEqual(
      spread.labelSelector,
      { matchLabels: spec.selector.matchLabels },
      "defaults to the fleet's pods",
    );
  });

  it("extra environment comes first, so the platform's variables win; credentials from Secrets", () => {
    const names = runner.env.map((e: { name: string }) => e.name);
    assert.deepEqual(names.slice(0, 3), ["HTTPS_PROXY", "PROXY_PASSWORD", "NO_PROXY"]);
    assert.deepEqual(runner.env[1].valueFrom, { secretKeyRef: { name: "proxy", key: "password" } });
    assert.deepEqual(runner.env[2].valueFrom, { configMapKeyRef: { name: "proxy", key: "no-proxy" } });
    assert.ok(names.includes("RUNNER_TOKEN"));
  });

  it("extra volumes are mounted without subPath, beside the platform's", () => {
    assert.deepEqual(pod.volumes.slice(-2), [
      { name: "extra-ca", configMap: { name: "extra-ca" } },
      { name: "scratch", emptyDir: { sizeLimit: "64Mi" } },
    ]);
    const mount = runner.volumeMounts.find((m: { name: string }) => m.name === "extra-ca");
    assert.deepEqual(mount, { name: "extra-ca", mountPath: "/etc/ssl/extra", readOnly: true });
  });

  it("the ubuntu flavour by digest, run as that image's gitlab-runner user, with pull secrets", () => {
    assert.equal(runner.image, `registry.gitlab.com/gitlab-org/gitlab-runner:ubuntu-v19.3.0@${DIGEST}`);
    assert.equal(pod.initContainers[0].image, runner.image);
    assert.equal(pod.securityContext.runAsUser, 999);
    assert.deepEqual(pod.imagePullSecrets, [{ name: "mirror-pull" }]);
    const alpine = managerPod({}).spec.template.spec;
    assert.equal(alpine.containers[0].image, "registry.gitlab.com/gitlab-org/gitlab-runner:alpine-v19.3.0");
    assert.equal(alpine.securityContext.runAsUser, 100);
  });

  it("the metrics port is the runner's listen_address and the container's metrics port", () => {
    assert.equal(parseToml(plan.configToml).listen_address, ":9400");
    assert.deepEqual(runner.ports, [{ name: "metrics", containerPort: 9400, protocol: "TCP" }]);
    assert.equal(plan.manager.metricsPort, 9400);
  });

  it("a manager with every option still meets Pod Security restricted and runs a pinned image", () => {
    const statefulSet = view("kubernetes:apps/v1:StatefulSet", "k8s-manager", {
      metadata: { name: "k8s-runner", namespace: "gitlab-runner" },
      spec,
    });
    assertPasses(managerPodsRestricted, [statefulSet]);
    assertPasses(managerPodsPinnedImages, [statefulSet]);
  });

  it("without options the pod is what it was: the platform spreads several replicas itself", () => {
    const plain = managerPod({}).spec.template;
    assert.equal(plain.spec.tolerations, undefined);
    assert.equal(plain.spec.topologySpreadConstraints, undefined);
    assert.equal(plain.spec.imagePullSecrets, undefined);
    assert.ok(plain.spec.affinity.podAntiAffinity);
  });
});
