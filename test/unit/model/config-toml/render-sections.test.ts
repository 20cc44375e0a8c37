import { strict as assert } from "node:assert";
import { type RunnerConfig, renderConfigToml } from "../../../../model/config-toml";
import { DEFAULTS } from "../../../../model/defaults";
import { withRequiredFields } from "../../../../model/config-toml/required-fields";
import { configWith, configWithKubernetes, renderedRunner, renderedTable } from "./helpers";
import { RICH_CONFIG } from "./sample-config";

interface SectionCase {
  name: string;
  config: RunnerConfig;
  /** Path into the rendered TOML (runner entry) and the exact value expected there. */
  at: (string | number)[];
  expected: unknown;
}

const CASES: SectionCase[] = [
  {
    name: "global section and session server",
    config: {
      concurrent: 4,
      checkInterval: 3,
      logLevel: "warn",
      logFormat: "text",
      shutdownTimeout: 30,
      listenAddress: ":9252",
      sessionServer: { listenAddress: "0.0.0.0:8093", sessionTimeout: 1800 },
    },
    at: [],
    expected: {
      concurrent: 4,
      check_interval: 3,
      log_level: "warn",
      log_format: "text",
      shutdown_timeout: 30,
      listen_address: ":9252",
      session_server: { listen_address: "0.0.0.0:8093", session_timeout: 1800 },
    },
  },
  {
    name: "runner TLS keys are hyphenated",
    config: configWith({ tlsCaFile: "/ca.crt", tlsCertFile: "/c.crt", tlsKeyFile: "/c.key" }),
    at: ["runners", 0],
    expected: {
      url: "https://gitlab.example.com",
      token: "${RUNNER_TOKEN}",
      executor: "kubernetes",
      "tls-ca-file": "/ca.crt",
      "tls-cert-file": "/c.crt",
      "tls-key-file": "/c.key",
    },
  },
  {
    name: "runner scripts, limits, environment and feature flags",
    config: configWith({
      outputLimit: 4096,
      requestConcurrency: 2,
      limit: 3,
      environment: ["A=1"],
      preGetSourcesScript: "a",
      preBuildScript: "b",
      postBuildScript: "c",
      buildsDir: "/builds",
      cacheDir: "/cache",
      cloneUrl: "https://git.example.com",
      shell: "bash",
      featureFlags: { FF_USE_FASTZIP: true },
    }),
    at: ["runners", 0],
    expected: {
      url: "https://gitlab.example.com",
      token: "${RUNNER_TOKEN}",
      executor: "kubernetes",
      limit: 3,
      output_limit: 4096,
      request_concurrency: 2,
      builds_dir: "/builds",
      cache_dir: "/cache",
      clone_url: "https://git.example.com",
      environment: ["A=1"],
      pre_get_sources_script: "a",
      pre_build_script: "b",
      post_build_script: "c",
      shell: "bash",
      feature_flags: { FF_USE_FASTZIP: true },
    },
  },
  {
    name: "cache keys are PascalCase, sub-tables lower case",
    config: configWith({
      cache: {
        type: "s3",
        path: "p",
        shared: true,
        maxUploadedArchiveSize: 1024,
        s3: {
          serverAddress: "s3.example.com",
          bucketName: "b",
          bucketLocation: "eu",
          insecure: false,
          authenticationType: "iam",
          roleArn: "arn:x",
        },
        gcs: { bucketName: "g", accessId: "id" },
        azure: { accountName: "a", containerName: "c" },
      },
    }),
    at: ["runners", 0, "cache"],
    expected: {
      Type: "s3",
      Path: "p",
      Shared: true,
      MaxUploadedArchiveSize: 1024,
      s3: {
        ServerAddress: "s3.example.com",
        BucketName: "b",
        BucketLocation: "eu",
        Insecure: false,
        AuthenticationType: "iam",
        RoleARN: "arn:x",
      },
      gcs: { AccessID: "id", BucketName: "g" },
      azure: { AccountName: "a", ContainerName: "c" },
    },
  },
  {
    name: "container security context uses capabilities.add/drop, not cap_add",
    config: configWithKubernetes({
      capAdd: ["SYS_TIME"],
      buildContainerSecurityContext: {
        capabilities: { add: ["NET_ADMIN"], drop: ["ALL"] },
        runAsUser: 1000,
        seccompProfile: { type: "RuntimeDefault" },
      },
    }),
    at: ["runners", 0, "kubernetes"],
    expected: {
      cap_add: ["SYS_TIME"],
      build_container_security_context: {
        capabilities: { add: ["NET_ADMIN"], drop: ["ALL"] },
        run_as_user: 1000,
        seccomp_profile: { type: "RuntimeDefault" },
      },
    },
  },
  {
    name: "node affinity's required part is a table with node_selector_terms",
    config: configWithKubernetes({
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: "k", operator: "In", values: ["v"] }] }],
          },
        },
      },
    }),
    at: [
      "runners",
      0,
      "kubernetes",
      "affinity",
      "node_affinity",
      "required_during_scheduling_ignored_during_execution",
    ],
    expected: { node_selector_terms: [{ match_expressions: [{ key: "k", operator: "In", values: ["v"] }] }] },
  },
  {
    name: "pod anti-affinity's required part is an array of tables",
    config: configWithKubernetes({
      affinity: {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            { topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: { app: "ci" } } },
          ],
        },
      },
    }),
    at: [
      "runners",
      0,
      "kubernetes",
      "affinity",
      "pod_anti_affinity",
      "required_during_scheduling_ignored_during_execution",
    ],
    expected: [{ topology_key: "kubernetes.io/hostname", label_selector: { match_labels: { app: "ci" } } }],
  },
  {
    name: "volumes: secret items, pvc, host_path, empty_dir, csi, nfs",
    config: configWithKubernetes({
      volumes: {
        secret: [
          { name: "s", mountPath: "/s", readOnly: true, items: { ".dockerconfigjson": "config.json" } },
        ],
        pvc: [{ name: "p", mountPath: "/p", subPath: "x" }],
        hostPath: [{ name: "h", mountPath: "/h", hostPath: "/var/h" }],
        emptyDir: [{ name: "e", mountPath: "/e", medium: "Memory", sizeLimit: "1Gi" }],
        csi: [{ name: "c", mountPath: "/c", driver: "d", fsType: "ext4", volumeAttributes: { a: "b" } }],
        nfs: [{ name: "n", mountPath: "/n", server: "nas", path: "/x" }],
      },
    }),
    at: ["runners", 0, "kubernetes", "volumes"],
    expected: {
      // mount_propagation unset is written as Kubernetes' own default: the runner's lint wants it.
      host_path: [{ name: "h", mount_path: "/h", host_path: "/var/h", mount_propagation: "None" }],
      pvc: [{ name: "p", mount_path: "/p", sub_path: "x", mount_propagation: "None" }],
      secret: [
        { name: "s", mount_path: "/s", read_only: true, items: { ".dockerconfigjson": "config.json" } },
      ],
      empty_dir: [
        { name: "e", mount_path: "/e", medium: "Memory", size_limit: "1Gi", mount_propagation: "None" },
      ],
      csi: [{ name: "c", mount_path: "/c", driver: "d", fs_type: "ext4", volume_attributes: { a: "b" } }],
      nfs: [{ name: "n", mount_path: "/n", server: "nas", path: "/x" }],
    },
  },
  {
    name: "resources, overwrite limits, pull policy list, tolerations, DNS",
    config: configWithKubernetes({
      cpuLimit: "2",
      memoryRequestOverwriteMaxAllowed: "8Gi",
      helperEphemeralStorageLimit: "1Gi",
      podCpuRequest: "100m",
      pullPolicy: ["always", "if-not-present"],
      nodeTolerations: { "dedicated=ci": "NoSchedule" },
      dnsPolicy: "cluster-first-with-host-net",
      dnsConfig: { options: [{ name: "ndots", value: "2" }] },
      bearerTokenOverwriteAllowed: true,
      namespaceOverwriteAllowed: "ci-.*",
    }),
    at: ["runners", 0, "kubernetes"],
    expected: {
      bearer_token_overwrite_allowed: true,
      namespace_overwrite_allowed: "ci-.*",
      node_tolerations: { "dedicated=ci": "NoSchedule" },
      dns_policy: "cluster-first-with-host-net",
      dns_config: { options: [{ name: "ndots", value: "2" }] },
      pull_policy: ["always", "if-not-present"],
      cpu_limit: "2",
      memory_request_overwrite_max_allowed: "8Gi",
      helper_ephemeral_storage_limit: "1Gi",
      pod_cpu_request: "100m",
    },
  },
  {
    name: "pod spec patches, host aliases, services and lifecycle hooks",
    config: configWithKubernetes({
      podSpec: [{ name: "h", patch: "hostname: x\n", patchType: "strategic" }],
      hostAliases: [{ ip: "10.0.0.1", hostnames: ["a", "b"] }],
      services: [{ name: "redis:7", alias: "cache" }],
      containerLifecycle: { preStop: { tcpSocket: { port: 80 } } },
    }),
    at: ["runners", 0, "kubernetes"],
    expected: {
      host_aliases: [{ ip: "10.0.0.1", hostnames: ["a", "b"] }],
      services: [{ name: "redis:7", alias: "cache" }],
      container_lifecycle: { pre_stop: { tcp_socket: { port: 80 } } },
      pod_spec: [{ name: "h", patch: "hostname: x\n", patch_type: "strategic" }],
    },
  },
];

function dig(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((current, key) => (current as Record<string | number, unknown>)?.[key], value);
}

describe("renderConfigToml: exact runner keys per section", () => {
  for (const { name, config, at, expected } of CASES) {
    it(name, () => assert.deepEqual(dig(renderedTable(config), at), expected));
  }
});

describe("renderConfigToml: text form", () => {
  it("writes integers as plain integers, never floats or digit groups", () => {
    const text = renderConfigToml({ concurrent: 1500, runners: [] });
    assert.match(text, /^concurrent = 1500$/m);
  });

  it("writes arrays of objects as [[tables]] and string lists inline", () => {
    const text = renderConfigToml(RICH_CONFIG);
    // [runners.kubernetes.volumes] has no header of its own: its tables sit one level under [runners.kubernetes].
    assert.match(text, /^ {4}\[\[runners\.kubernetes\.volumes\.secret\]\]$/m);
    assert.match(text, /^ {4}\[\[runners\.kubernetes\.host_aliases\]\]$/m);
    assert.match(text, /^ {4}cap_add = \["NET_ADMIN"\]$/m);
    assert.match(text, /^ {2}tls-ca-file = /m);
  });

  it("leaves out empty tables and undefined values", () => {
    const text = renderConfigToml(
      configWith({ cache: {}, kubernetes: { volumes: {}, podLabels: {}, image: undefined } }),
    );
    assert.doesNotMatch(text, /\[runners\.(cache|kubernetes)|undefined/);
  });

  it("is byte-identical for equal models whatever their key order", () => {
    const reversed = JSON.parse(JSON.stringify(RICH_CONFIG), (_key, value: unknown) =>
      value && typeof value === "object" && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
    ) as RunnerConfig;
    assert.equal(renderConfigToml(reversed), renderConfigToml(RICH_CONFIG));
  });

  it("renders the rich sample, and parsing it gives the sample back, with the fields the runner requires", async () => {
    const { parseConfigToml } = await import("../../../../model/config-toml");
    const parsed = parseConfigToml(renderConfigToml(RICH_CONFIG));
    assert.deepEqual(parsed.problems, []);
    assert.deepStrictEqual(parsed.config, withRequiredFields(RICH_CONFIG, DEFAULTS.runnerImage.version));
  });

  it("keeps the runner entry's own keys first", () => {
    assert.deepEqual(Object.keys(renderedRunner(configWith({ name: "x" }))).slice(0, 4), [
      "name",
      "url",
      "token",
      "executor",
    ]);
  });
});
