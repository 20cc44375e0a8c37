import { strict as assert } from "node:assert";
import { ConfigValidationError, loadStackConfig } from "../../../config";
import { formatProblem } from "../../../model/problems";
import { fakeReader, validValues } from "../../helpers/config-reader";

const P = "gitlab-ci-platform:fleets[0].manager";

function problemsOf(manager: Record<string, unknown>): string[] {
  const values = { ...validValues(), fleets: [{ name: "k8s", manager }] };
  try {
    loadStackConfig(fakeReader(values, ["gitlabToken"]));
  } catch (err) {
    assert.ok(err instanceof ConfigValidationError, String(err));
    return err.problems.map(formatProblem);
  }
  return [];
}

/** Each case: manager options, the key path the message names, and a phrase of the fix. */
const INVALID: [name: string, manager: Record<string, unknown>, path: string, fix: string][] = [
  [
    "a pod label the platform selects by",
    { podLabels: { "app.kubernetes.io/instance": "x" } },
    "podLabels.app.kubernetes.io/instance",
    "remove it",
  ],
  [
    "an annotation of the platform's",
    { podAnnotations: { "gitlab-ci-platform/runner-revision": "1" } },
    "podAnnotations.gitlab-ci-platform/runner-revision",
    "another prefix",
  ],
  [
    "an environment variable the platform sets",
    { env: [{ name: "RUNNER_TOKEN", value: "x" }] },
    "env[0].name",
    "another name",
  ],
  [
    "a variable a cache credential sets",
    { env: [{ name: "AWS_SECRET_ACCESS_KEY", secret: { name: "s", key: "k" } }] },
    "env[0].name",
    "another name",
  ],
  [
    "a volume named like a cache credential's",
    { volumes: [{ name: "cache-gcs", mountPath: "/etc/x", emptyDir: {} }] },
    "volumes[0].name",
    "another name",
  ],
  [
    "a volume over a cache credential's directory",
    { volumes: [{ name: "x", mountPath: "/etc/gitlab-runner-cache-gcs", emptyDir: {} }] },
    "volumes[0].mountPath",
    "mount it elsewhere",
  ],
  [
    "an environment variable with two sources",
    { env: [{ name: "A", value: "x", secret: { name: "s", key: "k" } }] },
    "env[0]",
    "exactly one of value, secret",
  ],
  [
    "a volume named like the platform's",
    { volumes: [{ name: "config", mountPath: "/etc/x", emptyDir: {} }] },
    "volumes[0].name",
    "another name",
  ],
  [
    "a volume over the config directory",
    { volumes: [{ name: "x", mountPath: "/etc/gitlab-runner/extra", emptyDir: {} }] },
    "volumes[0].mountPath",
    "mount it elsewhere",
  ],
  [
    "a volume without a source",
    { volumes: [{ name: "x", mountPath: "/x" }] },
    "volumes[0]",
    "exactly one source",
  ],
  [
    "a hostPath volume",
    { volumes: [{ name: "x", mountPath: "/x", hostPath: "/var" }] },
    "volumes[0].hostPath",
    "remove it",
  ],
  ["an image flavour the runner does not publish", { imageFlavor: "debian" }, "imageFlavor", "alpine"],
  ["a digest that is no digest", { imageDigest: "latest" }, "imageDigest", "sha256:"],
  ["a privileged metrics port", { metricsPort: 80 }, "metricsPort", "1024"],
  [
    "a toleration with an unknown effect",
    { tolerations: [{ key: "a", effect: "Never" }] },
    "tolerations[0].effect",
    "NoSchedule",
  ],
  [
    "a topology spread without its key",
    { topologySpreadConstraints: [{ maxSkew: 1, whenUnsatisfiable: "DoNotSchedule" }] },
    "topologySpreadConstraints[0].topologyKey",
    "",
  ],
];

describe("fleets[i].manager: the chart's manager options are validated", () => {
  for (const [name, manager, path, fix] of INVALID) {
    it(`${name} is refused, naming ${path}`, () => {
      const problems = problemsOf(manager);
      const hit = problems.find((p) => p.startsWith(`${P}.${path}:`));
      assert.ok(hit, `no problem at ${P}.${path} in:\n${problems.join("\n")}`);
      assert.ok(hit.includes(fix), hit);
    });
  }

  it("every problem is reported at once", () => {
    const problems = problemsOf({
      imageFlavor: "debian",
      metricsPort: 80,
      imageDigest: "latest",
    });
    assert.equal(problems.length, 3, problems.join("\n"));
  });

  it("a full set of options is accepted", () => {
    assert.deepEqual(
      problemsOf({
        podAnnotations: { "cluster-autoscaler.kubernetes.io/safe-to-evict": "false" },
        podLabels: { team: "platform" },
        tolerations: [{ key: "dedicated", operator: "Equal", value: "ci", effect: "NoSchedule" }],
        topologySpreadConstraints: [
          { maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "ScheduleAnyway" },
        ],
        priorityClassName: "ci",
        env: [
          { name: "HTTPS_PROXY", value: "http://p:3128" },
          { name: "P", secret: { name: "s", key: "k" } },
        ],
        volumes: [{ name: "ca", mountPath: "/etc/ssl/extra", configMap: "ca" }],
        imagePullSecrets: ["pull"],
        imageFlavor: "ubuntu",
        imageDigest: `sha256:${"0".repeat(64)}`,
        metricsPort: 9400,
      }),
      [],
    );
  });
});
