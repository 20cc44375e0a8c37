import { strict as assert } from "node:assert";
import { formatProblem } from "../../../../model/problems";
import { exitCode } from "../../../../tools/import/output";
import { importToml } from "../../../../tools/import/toml-import";
import { fixture, SEED_TOML } from "./import-fixtures";

const FLEETS = "gitlab-ci-platform:fleets";
const GITLAB = "gitlab-ci-platform:gitlab";

describe("importToml: field-report seeds", () => {
  for (const name of SEED_TOML) {
    it(`${name} imports with every loss explained`, () => {
      const result = importToml(fixture(name));
      assert.deepEqual(result.problems.map(formatProblem), []);
      assert.ok([0, 1].includes(exitCode(result)));
      for (const loss of result.notCarried)
        assert.ok(loss.path !== "" && loss.reason.length > 10, JSON.stringify(loss));
      assert.ok(Array.isArray(result.stackConfig[FLEETS]));
    });
  }

  it("seed 000 (KubeSphere, registered): carries volumes, host aliases, pull policy and the docker.sock switch; drops registration data", () => {
    const result = importToml(fixture("seed-000-config.toml"));
    assert.deepEqual(result.stackConfig[GITLAB], { url: "http://192.168.31.3:83" });
    const [fleet] = result.stackConfig[FLEETS] as Record<string, unknown>[];
    assert.deepEqual(fleet.kubernetes, {
      image: "alpine",
      namespace: "base",
      hostAliases: [
        { ip: "192.168.31.11", hostnames: ["harbor域名"] },
        { ip: "192.168.31.21", hostnames: ["lb.kubesphere.local"] },
      ],
      volumes: {
        pvc: [{ name: "k8s-running-pod-data", mountPath: "/builds" }],
      },
      pullPolicy: ["if-not-present"],
    });
    assert.deepEqual(fleet.dangerous, { dockerSocket: true });
    assert.equal(fleet.buildsDir, "/builds");
    assert.deepEqual(
      result.notCarried.map((l) => l.path),
      [
        "runners[0].id",
        "runners[0].token_obtained_at",
        "runners[0].token_expires_at",
        "runners[0].token",
        "runners[0].kubernetes.volumes.host_path[0]",
      ],
    );
    assert.match(result.notCarried[4].reason, /dangerous\.dockerSocket/);
  });

  it("seed 001: a shell executor is named as not carried", () => {
    const result = importToml(fixture("seed-001-configmap.toml"));
    assert.equal(exitCode(result), 1);
    assert.ok(
      result.notCarried.some((l) => l.path === "runners[0].executor" && /Kubernetes executor/.test(l.reason)),
    );
  });

  it("seed 001 (registered): empty tables and register's defaults are dropped silently", () => {
    const result = importToml(fixture("seed-001-configmap-registered.toml"));
    assert.deepEqual(
      result.notCarried.map((l) => l.path),
      ["runners[0].executor", "runners[0].token"],
    );
    assert.deepEqual(result.stackConfig[FLEETS], [{ name: "kubernetes-runner", concurrent: 1 }]);
  });

  it("seed 002: API connection files, placeholder URL and token are not carried; resources are", () => {
    const result = importToml(fixture("seed-002-config-map.toml"));
    const [fleet] = result.stackConfig[FLEETS] as { kubernetes: Record<string, unknown> }[];
    assert.equal(fleet.kubernetes.cpuLimit, "2");
    assert.equal(fleet.kubernetes.helperMemoryRequest, "1Gi");
    assert.equal(result.stackConfig[GITLAB], undefined);
    assert.deepEqual(
      result.notCarried.map((l) => l.path),
      [
        "runners[0].url",
        "runners[0].token",
        "runners[0].kubernetes.host",
        "runners[0].kubernetes.cert_file",
        "runners[0].kubernetes.key_file",
        "runners[0].kubernetes.ca_file",
        "runners[0].kubernetes.volumes.secret[0]",
        "runners[0].kubernetes.volumes.pvc[0]",
      ],
    );
  });

  it("seed 002: the registry Secret and cache claim it mounts become kaniko and the fleet cache; the rest stays", () => {
    const result = importToml(fixture("seed-002-config-map.toml"));
    const [fleet] = result.stackConfig[FLEETS] as Record<string, unknown>[];
    assert.equal(fleet.kaniko, true);
    assert.deepEqual(fleet.cache, { type: "pvc" });
    const volumes = (fleet.kubernetes as { volumes: Record<string, { name: string }[]> }).volumes;
    assert.deepEqual(Object.keys(volumes), ["secret"]);
    assert.deepEqual(
      volumes.secret.map((v) => v.name),
      ["gitlab-credentials"],
    );
    const notes = result.notCarried.filter((l) => l.path.includes("volumes")).map((l) => l.reason);
    assert.match(notes[0], /kaniko: true/);
    assert.match(notes[1], /cache \{type: pvc\}/);
  });

  it("seed 002 as published: the unquoted placeholders are a syntax error with its line", () => {
    const result = importToml(fixture("seed-002-config-map.as-published.toml"));
    assert.equal(exitCode(result), 2);
    assert.match(formatProblem(result.problems[0]), /^line 5, column 7: TOML syntax error/);
  });

  it("seed 002's `readonly` (ignored by the runner) is named with the right spelling", () => {
    const text = fixture("seed-002-config-map.toml").replace("read_only = false", "readonly = false");
    const result = importToml(text);
    assert.equal(exitCode(result), 2);
    assert.deepEqual(result.problems.map(formatProblem), [
      'runners[0].kubernetes.volumes.pvc[0].readonly: unknown key "readonly" — did you mean read_only?',
    ]);
  });
});

describe("importToml: invalid input", () => {
  const base =
    '[[runners]]\n  url = "https://gitlab.example.com"\n  token = "t"\n  executor = "kubernetes"\n';

  it("names cpu_limits and pull_polcy under [runners.kubernetes]", () => {
    const result = importToml(
      `${base}  [runners.kubernetes]\n    cpu_limits = "1"\n    pull_polcy = "always"\n`,
    );
    assert.equal(exitCode(result), 2);
    assert.deepEqual(
      result.problems.map((p) => [p.path, p.fix]),
      [
        ["runners[0].kubernetes.cpu_limits", "did you mean cpu_limit?"],
        ["runners[0].kubernetes.pull_polcy", "did you mean pull_policy?"],
      ],
    );
  });

  it("names every wrong type and bad enum", () => {
    const result = importToml(
      `concurrent = "ten"\n${base}  [runners.kubernetes]\n    dns_policy = "ClusterFirst"\n    cpu_limit = "-2"\n`,
    );
    assert.deepEqual(
      result.problems.map((p) => p.path),
      ["concurrent", "runners[0].kubernetes.dns_policy", "runners[0].kubernetes.cpu_limit"],
    );
  });
});

describe("importToml: what is carried where", () => {
  it("carries globals to every fleet, cache without credentials, and derives DNS-label names", () => {
    const result = importToml(`concurrent = 4
log_level = "debug"
[[runners]]
  name = "Team A Runner!"
  url = "https://gitlab.example.com/"
  token = "glrt-x"
  executor = "kubernetes"
  environment = ["A=1"]
  [runners.feature_flags]
    FF_USE_FASTZIP = true
  [runners.cache]
    Type = "s3"
    Shared = true
    [runners.cache.s3]
      BucketName = "cache"
      AccessKey = "AKIA"
      SecretKey = "secret"
[[runners]]
  name = "Team A Runner"
  url = "https://other.example.com"
  token = "glrt-y"
  executor = "kubernetes"
  [runners.docker]
    image = "alpine"
`);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.stackConfig, {
      "gitlab-ci-platform:gitlab": { url: "https://gitlab.example.com" },
      "gitlab-ci-platform:fleets": [
        {
          name: "team-a-runner",
          concurrent: 4,
          logLevel: "debug",
          environment: ["A=1"],
          featureFlags: { FF_USE_FASTZIP: true },
          cache: { type: "s3", bucketName: "cache", shared: true },
        },
        { name: "team-a-runner-2", concurrent: 4, logLevel: "debug" },
      ],
    });
    assert.deepEqual(
      result.notCarried.map((l) => l.path),
      [
        "runners[1].docker",
        "runners[0].token",
        "runners[0].cache.s3.AccessKey",
        "runners[0].cache.s3.SecretKey",
        "runners[1].token",
        "runners[1].url",
      ],
    );
    assert.match(result.notCarried[2].reason, /pulumi config set --secret cacheS3AccessKey/);
  });
});

describe("importToml: accepts what the runner accepts and says what it changed", () => {
  const runner = (url: string) => `[[runners]]\n  url = "${url}"\n  executor = "kubernetes"\n`;

  it('url = "gitlab.example.com" (no scheme, as in GitLab\'s documentation) is carried with https:// and listed', () => {
    const result = importToml(runner("gitlab.example.com"));
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.stackConfig[GITLAB], { url: "https://gitlab.example.com" });
    assert.equal(exitCode(result), 1);
    const [note] = result.notCarried;
    assert.equal(note.path, "runners[0].url");
    assert.match(note.reason, /no scheme.*https:\/\/gitlab\.example\.com/);
  });

  it("a host with a port and path keeps them", () => {
    const result = importToml(runner("gitlab.example.com:8443/gitlab/"));
    assert.deepEqual(result.stackConfig[GITLAB], { url: "https://gitlab.example.com:8443/gitlab" });
  });

  it("automount_service_account_token becomes the fleet's jobServiceAccountToken", () => {
    const result = importToml(
      `${runner("https://gitlab.example.com")}  [runners.kubernetes]\n    automount_service_account_token = true\n`,
    );
    const [fleet] = result.stackConfig[FLEETS] as Record<string, unknown>[];
    assert.equal(fleet.jobServiceAccountToken, true);
    assert.equal(fleet.kubernetes, undefined);
    assert.equal(exitCode(result), 0);
  });
});

describe("importToml: a GCS cache", () => {
  it("carries the bucket, path and shared; lists the key as a stack secret", () => {
    const result = importToml(
      '[[runners]]\n  url = "https://gitlab.example.com"\n  executor = "kubernetes"\n' +
        '  [runners.cache]\n    Type = "gcs"\n    Path = "ci"\n    Shared = true\n' +
        '    [runners.cache.gcs]\n      BucketName = "ci-cache"\n      CredentialsFile = "/etc/gcs/key.json"\n',
    );
    assert.deepEqual(result.problems, []);
    const [fleet] = result.stackConfig[FLEETS] as Record<string, unknown>[];
    assert.deepEqual(fleet.cache, { type: "gcs", bucketName: "ci-cache", path: "ci", shared: true });
    assert.deepEqual(
      result.notCarried.map((l) => l.path),
      ["runners[0].cache.gcs.CredentialsFile"],
    );
    assert.match(result.notCarried[0].reason, /cacheGcsCredentials/);
  });
});

describe("importToml: a cache section of another store", () => {
  it("an S3 table beside Type gcs is listed, naming the sections each fleet cache carries over from", () => {
    const result = importToml(
      '[[runners]]\n  url = "https://gitlab.example.com"\n  executor = "kubernetes"\n' +
        '  [runners.cache]\n    Type = "gcs"\n' +
        '    [runners.cache.gcs]\n      BucketName = "ci-cache"\n' +
        '    [runners.cache.s3]\n      BucketName = "left-over"\n',
    );
    const [fleet] = result.stackConfig[FLEETS] as Record<string, unknown>[];
    assert.deepEqual(fleet.cache, { type: "gcs", bucketName: "ci-cache" });
    assert.deepEqual(
      result.notCarried.map((l) => l.path),
      ["runners[0].cache.s3"],
    );
    assert.match(
      result.notCarried[0].reason,
      /Type s3\/s3v2 \(cache\.type s3\) or Type gcs \(cache\.type gcs\)/,
    );
  });

  it("an Azure section is not carried: the fleet's Azure cache needs the managed identity config.toml lacks", () => {
    const result = importToml(
      '[[runners]]\n  url = "https://gitlab.example.com"\n  executor = "kubernetes"\n' +
        '  [runners.cache]\n    Type = "azure"\n' +
        '    [runners.cache.azure]\n      AccountName = "cicache"\n      ContainerName = "cache"\n',
    );
    const [fleet] = result.stackConfig[FLEETS] as Record<string, unknown>[];
    assert.equal(fleet.cache, undefined);
    assert.deepEqual(
      result.notCarried.map((l) => l.path),
      ["runners[0].cache.azure", "runners[0].cache.Type"],
    );
  });
});
