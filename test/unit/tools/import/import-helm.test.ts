import { strict as assert } from "node:assert";
import { formatProblem } from "../../../../model/problems";
import { importHelmValues } from "../../../../tools/import/helm-import";
import { exitCode } from "../../../../tools/import/output";
import { fixture, SEED_HELM } from "./import-fixtures";

const FLEETS = "gitlab-ci-platform:fleets";

function lossPaths(text: string): string[] {
  return importHelmValues(text).notCarried.map((l) => l.path);
}

describe("importHelmValues: field-report seeds", () => {
  for (const name of SEED_HELM) {
    it(`${name} imports with every loss explained`, () => {
      const result = importHelmValues(fixture(name));
      assert.deepEqual(result.problems.map(formatProblem), []);
      assert.equal(exitCode(result), 1);
      for (const loss of result.notCarried) assert.ok(loss.reason.length > 10, JSON.stringify(loss));
    });
  }

  it("seed 003: chart values land in the fleet, manager host aliases at the top", () => {
    const result = importHelmValues(fixture("seed-003-values.yaml"));
    assert.deepEqual(result.stackConfig, {
      "gitlab-ci-platform:gitlab": { url: "https://gitlab.fjy8018.top" },
      "gitlab-ci-platform:fleets": [
        {
          name: "imported",
          tags: ["k8s"],
          runUntagged: true,
          locked: false,
          concurrent: 10,
          checkInterval: 30,
          manager: {
            metricsPort: 9090,
            requests: { memory: "128Mi", cpu: "200m" },
            limits: { memory: "2048Mi", cpu: "1500m" },
          },
          outputLimit: 4096,
          dangerous: { dockerInDocker: true },
          kubernetes: {
            image: "ubuntu:16.04",
            imagePullSecrets: ["registry-secret"],
            pollTimeout: 180,
          },
        },
      ],
      "gitlab-ci-platform:hostAliases": [
        { ip: "192.168.1.13", hostnames: ["gitlab.fjy8018.top"] },
        { ip: "192.168.1.30", hostnames: ["harbor.fjy8018.top"] },
      ],
    });
    assert.deepEqual(lossPaths(fixture("seed-003-values.yaml")), [
      "image",
      "imagePullPolicy",
      "runnerRegistrationToken",
      "unregisterRunners",
      "terminationGracePeriodSeconds",
      "rbac",
      "runners.privileged",
    ]);
  });

  it("seed 000 (KubeSphere): the runners.config template is carried, the misplaced top-level tags are named", () => {
    const result = importHelmValues(fixture("seed-000-values.yaml"));
    const [fleet] = result.stackConfig[FLEETS] as Record<string, unknown>[];
    assert.equal(fleet.buildsDir, "/builds");
    assert.deepEqual((fleet.kubernetes as Record<string, unknown>).pullPolicy, "if-not-present");
    assert.deepEqual((fleet.dangerous as Record<string, unknown>).dockerSocket, true);
    assert.deepEqual(lossPaths(fixture("seed-000-values.yaml")), [
      "runnerRegistrationToken",
      "tags",
      "rbac",
      "runners.config: runners[0].kubernetes.volumes.host_path[0]",
    ]);
  });

  it("seed 001: tags string becomes a list, cloneUrl is carried, privileged = false needs no switch", () => {
    const [fleet] = importHelmValues(fixture("seed-001-values.yaml")).stackConfig[FLEETS] as Record<
      string,
      unknown
    >[];
    assert.deepEqual(fleet.tags, ["kubernetes-helm"]);
    assert.equal(fleet.cloneUrl, "http://139.24.120.248/");
    assert.deepEqual(fleet.kubernetes, { image: "ubuntu:16.04", pollTimeout: 180 });
    assert.equal(fleet.dangerous, undefined);
  });
});

describe("importHelmValues: chart values and the runners.config template", () => {
  it("maps builds/services/helpers resources and cache values; drops the cache secret", () => {
    const result = importHelmValues(`
runners:
  builds: { cpuLimit: 200m, memoryRequests: 128Mi, cpuLimitOverwriteMaxAllowed: 400m }
  services: { memoryLimit: 256Mi }
  helpers: { cpuRequests: 100m, image: "registry.example.com/helper:x86_64-v17" }
  cache:
    cacheType: s3
    cacheShared: true
    s3BucketName: ci-cache
    s3CacheInsecure: false
    secretName: s3access
  env: { GIT_DEPTH: 10 }
  nodeSelector: { "app.runner": "" }
`);
    assert.deepEqual(result.problems, []);
    const [fleet] = result.stackConfig[FLEETS] as Record<string, unknown>[];
    assert.deepEqual(fleet.environment, ["GIT_DEPTH=10"]);
    assert.deepEqual(fleet.kubernetes, {
      nodeSelector: { "app.runner": "" },
      helperImage: "registry.example.com/helper:x86_64-v17",
      cpuLimit: "200m",
      cpuLimitOverwriteMaxAllowed: "400m",
      memoryRequest: "128Mi",
      serviceMemoryLimit: "256Mi",
      helperCpuRequest: "100m",
    });
    assert.deepEqual(fleet.cache, {
      type: "s3",
      shared: true,
      bucketName: "ci-cache",
      insecure: false,
    });
    assert.deepEqual(
      result.notCarried.map((l) => l.path),
      ["runners.cache.secretName"],
    );
  });

  it("lists Go-template lines of runners.config and carries the rest; options replace template values", () => {
    const result = importHelmValues(`
runners:
  namespace: ci
  config: |
    [[runners]]
      [runners.kubernetes]
        namespace = "{{.Release.Namespace}}"
        image = "ubuntu:22.04"
        privileged = true
      [runners.kubernetes.node_selector]
        "app.runner" = "ci"
  privileged: false
`);
    assert.deepEqual(result.problems, []);
    const [fleet] = result.stackConfig[FLEETS] as Record<string, unknown>[];
    assert.deepEqual(fleet.kubernetes, {
      image: "ubuntu:22.04",
      namespace: "ci",
      nodeSelector: { "app.runner": "ci" },
    });
    assert.deepEqual(
      result.notCarried.map((l) => l.path),
      ["runners.config: runners[0].kubernetes.namespace", "runners.config: runners[0].kubernetes.privileged"],
    );
    assert.match(result.notCarried[0].reason, /\{\{\.Release\.Namespace\}\}/);
    assert.match(result.notCarried[1].reason, /replaced by runners\.privileged/);
  });

  it("names template problems inside runners.config by their TOML path", () => {
    const result = importHelmValues(
      `runners:\n  config: |\n    [[runners]]\n      [runners.kubernetes]\n        pull_polcy = "always"\n`,
    );
    assert.deepEqual(result.problems.map(formatProblem), [
      'runners.config: runners[0].kubernetes.pull_polcy: unknown key "pull_polcy" — did you mean pull_policy?',
    ]);
  });

  it("names every bad chart value by its chart path", () => {
    const result = importHelmValues(
      "runners:\n  pollTimeout: -3\n  builds: { cpuLimit: lots }\n  tags: 5\nconcurrent: many\n",
    );
    assert.equal(exitCode(result), 2);
    assert.deepEqual(result.problems.map(formatProblem), [
      'runners.tags: expected a comma-separated string of tags such as "k8s,docker"',
      'concurrent: "many" is not valid — must be an integer',
      'runners.builds.cpuLimit: "lots" is not valid — must be a non-negative Kubernetes quantity such as "500m", "2" or "4Gi"',
      "runners.pollTimeout: -3 is not valid — must be at least 1",
    ]);
  });

  it("names unknown and misspelled chart keys", () => {
    const result = importHelmValues(
      `gitlabURL: https://g.example.com\nrunners:\n  imagePulPolicy: always\n  colour: blue\n`,
    );
    assert.equal(exitCode(result), 2);
    assert.deepEqual(result.problems.map(formatProblem), [
      'gitlabURL: unknown key "gitlabURL" — did you mean gitlabUrl?',
      'runners.imagePulPolicy: unknown key "imagePulPolicy" — did you mean imagePullPolicy?',
      'runners.colour: unknown key "colour" — remove it; it is not a value of the gitlab-runner chart',
    ]);
  });

  it("reports YAML syntax errors with their line", () => {
    const result = importHelmValues("runners:\n  tags: [k8s\n");
    assert.equal(exitCode(result), 2);
    assert.match(result.problems[0].path, /^line \d+, column \d+$/);
  });

  it("a values file that sets nothing imports cleanly", () => {
    const result = importHelmValues("# nothing\n");
    assert.equal(exitCode(result), 0);
    assert.deepEqual(result.stackConfig, { "gitlab-ci-platform:fleets": [{ name: "imported" }] });
  });
});
