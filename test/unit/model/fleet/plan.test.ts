import { strict as assert } from "node:assert";
import { type FleetContext, type FleetPlan, planFleet } from "../../../../model/fleet";
import { fleetConfig } from "../../../helpers/fleet";

const context = (extra: Partial<FleetContext> = {}): FleetContext => ({
  stack: "dev",
  gitlab: { url: "https://gitlab.example.com", defaultGroup: "platform" },
  managerNamespace: "gitlab-runner",
  hostAliases: [],
  runnerImage: { repository: "registry.gitlab.com/gitlab-org/gitlab-runner", version: "v19.3.0" },
  credentials: [],
  ...extra,
});
/** A stack holding every credential a fleet can use: registry, Git SSH key, S3 keys and GCS key. */
const holdingAll: Partial<FleetContext> = {
  registry: { server: "harbor.example.com", username: "robot" },
  gitSsh: { knownHosts: "gitlab.example.com ssh-ed25519 AAAA" },
  credentials: [
    "registryPassword",
    "gitSshPrivateKey",
    "cacheS3AccessKey",
    "cacheS3SecretKey",
    "cacheGcsCredentials",
  ],
};
const secretNames = (plan: FleetPlan) => plan.credentials.map((secret) => secret.name);
const managerReads = (plan: FleetPlan) => plan.manager.credentials.map((read) => read.secret);

describe("planFleet decides what a fleet consists of", () => {
  it("a plain fleet plans only its token Secret: no credentials, claims or CA", () => {
    const plan = planFleet(fleetConfig(), context());
    assert.deepEqual(plan.credentials, []);
    assert.equal(plan.gitlabCa, undefined);
    assert.deepEqual(plan.claims, { cache: undefined, builds: [] });
    assert.deepEqual(managerReads(plan), []);
    assert.equal(plan.manager.caConfigMap, undefined);
  });

  it("plans the registry Secret for every fleet when the stack holds a registry credential", () => {
    const plan = planFleet(fleetConfig(), context(holdingAll));
    assert.deepEqual(secretNames(plan), ["k8s-registry"]);
    assert.match(plan.configToml, /image_pull_secrets = \["k8s-registry"\]/);
  });

  it("plans S3 keys and git SSH only for fleets that use them, even when the stack holds them", () => {
    const plain = planFleet(fleetConfig(), context(holdingAll));
    assert.ok(!secretNames(plain).includes("k8s-cache-s3"));
    assert.ok(!secretNames(plain).includes("k8s-git-ssh"));
    const using = planFleet(
      fleetConfig({
        gitSsh: true,
        cache: { type: "s3", serverAddress: "s3.example.com", bucketName: "ci-cache" },
      }),
      context(holdingAll),
    );
    assert.ok(secretNames(using).includes("k8s-cache-s3"));
    assert.deepEqual(managerReads(using), ["k8s-cache-s3"]);
    assert.ok(secretNames(using).includes("k8s-git-ssh"));
  });

  it("a fleet using S3 without keys in the stack gets no cache Secret", () => {
    const plan = planFleet(
      fleetConfig({ cache: { type: "s3", serverAddress: "s3.example.com", bucketName: "ci-cache" } }),
      context(),
    );
    assert.ok(!secretNames(plan).includes("k8s-cache-s3"));
    assert.deepEqual(managerReads(plan), []);
  });

  it("pvcPerJob plans one ReadWriteOnce claim per concurrent job, mounted by $CI_CONCURRENT_ID", () => {
    const plan = planFleet(fleetConfig({ concurrent: 3, builds: { type: "pvcPerJob" } }), context());
    assert.deepEqual(
      plan.claims.builds.map((c) => [c.name, c.accessMode, c.size]),
      [0, 1, 2].map((i) => [`k8s-builds-${i}`, "ReadWriteOnce", "10Gi"]),
    );
    assert.match(plan.configToml, /name = "k8s-builds-\$CI_CONCURRENT_ID"/);
  });

  it("a shared cache claim keeps the fleet's access mode, size and class", () => {
    const plan = planFleet(
      fleetConfig({ cache: { type: "pvc", size: "20Gi", storageClass: "nfs-client" } }),
      context(),
    );
    assert.deepEqual(plan.claims.cache, {
      name: "k8s-cache",
      accessMode: "ReadWriteMany",
      size: "20Gi",
      storageClass: "nfs-client",
    });
  });

  it("job pods are held to the fleet's own level, and the CA becomes a ConfigMap the manager mounts", () => {
    const pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    const kaniko = planFleet(
      fleetConfig({ kaniko: true }),
      context({ gitlab: { url: "https://g.example.com", caCert: pem } }),
    );
    assert.equal(kaniko.jobPodSecurity, "baseline");
    assert.equal(kaniko.gitlabCa, pem);
    assert.equal(kaniko.manager.caConfigMap, "k8s-gitlab-ca");
    assert.equal(planFleet(fleetConfig(), context()).jobPodSecurity, "restricted");
  });

  it("a group runner without its own group belongs to the stack's default group; the description names the stack", () => {
    const { runner } = planFleet(fleetConfig(), context());
    assert.equal(runner.runnerType, "group_type");
    assert.equal(runner.group, "platform");
    assert.equal(runner.description, "k8s (gitlab-ci-platform, stack dev)");
    assert.equal(runner.accessLevel, "not_protected");
  });

  it("a dangerous fleet carries a warning naming its mode and namespace; others none", () => {
    const dind = planFleet(
      fleetConfig({
        dangerous: { dockerInDocker: true },
        kubernetes: {
          namespace: "ci-dind",
          nodeSelector: { ci: "dind" },
          nodeTolerations: { ci: "NoSchedule" },
        },
      }),
      context(),
    );
    assert.match(dind.warning ?? "", /privileged docker-in-docker .*\(namespace ci-dind\)/);
    assert.equal(planFleet(fleetConfig(), context()).warning, undefined);
  });

  it("the same fleet and context give an identical plan", () => {
    const fleet = fleetConfig({ cache: { type: "pvc" }, builds: { type: "pvcPerJob" } });
    assert.deepEqual(planFleet(fleet, context()), planFleet(fleet, context()));
  });
});

describe("job volumes naming objects the stack does not create", () => {
  const seed002 = {
    volumes: {
      pvc: [{ name: "gitlab-runner-cache-pvc", mountPath: "/cache" }],
      secret: [
        {
          name: "registry-auth-secret",
          mountPath: "/kaniko/.docker",
          items: { ".dockerconfigjson": "config.json" },
        },
        { name: "gitlab-credentials", mountPath: "/root/gitlab-credentials" },
      ],
    },
  };

  it("are each named, with what the platform offers instead (seed 002's ConfigMap)", () => {
    const plan = planFleet(fleetConfig({ kubernetes: seed002 }), context());
    assert.equal(plan.externalVolumes.length, 3);
    const [registry, git, claim] = plan.externalVolumes;
    assert.match(claim, /PersistentVolumeClaim "gitlab-runner-cache-pvc" at \/cache.*cache \{type: pvc\}/);
    assert.match(registry, /Secret "registry-auth-secret" .*kaniko: true/);
    assert.match(git, /Secret "gitlab-credentials" .*namespace gitlab-ci-jobs.*gitSsh: true/);
  });

  it("are not reported when the fleet creates them", () => {
    const own = { volumes: { secret: [{ name: "k8s-registry", mountPath: "/etc/registry" }] } };
    const plan = planFleet(fleetConfig({ kubernetes: own }), context(holdingAll));
    assert.deepEqual(plan.externalVolumes, []);
  });
});

describe("the keys the platform renders itself", () => {
  const image = (version: string) => ({
    repository: "registry.gitlab.com/gitlab-org/gitlab-runner",
    version,
  });
  const ctx = (version: string) =>
    context({
      runnerImage: image(version),
      ...holdingAll,
      gitlab: { url: "https://gitlab.example.com", caCert: "-----BEGIN CERTIFICATE-----\n" },
    });
  const variants = (jobPodSecurity: "restricted" | "baseline") => [
    fleetConfig({
      jobPodSecurity,
      cache: { type: "s3", serverAddress: "s3.example.com", bucketName: "ci-cache" },
    }),
    fleetConfig({ jobPodSecurity, cache: { type: "pvc" }, builds: { type: "pvcPerJob" }, gitSsh: true }),
    fleetConfig({ jobPodSecurity, builds: { type: "ephemeralPvc", storageClass: "fast" } }),
    fleetConfig({ jobPodSecurity, cache: { type: "gcs", bucketName: "ci-cache" } }),
    fleetConfig({
      jobPodSecurity,
      cache: {
        type: "azure",
        accountName: "cicache",
        containerName: "cache",
        clientId: "00000000-0000-0000-0000-000000000000",
      },
    }),
  ];

  it("are read by the oldest runner a stack may pin (v18.10.0), whatever platform features a fleet uses", () => {
    const baseline = [
      ...variants("baseline"),
      fleetConfig({ kaniko: true }),
      fleetConfig({ dangerous: { dockerInDocker: true, dockerSocket: true } }),
    ];
    for (const fleet of baseline) assert.doesNotThrow(() => planFleet(fleet, ctx("v18.10.0")));
  });

  it("but for the seccomp profiles of restricted job pods, which came with v18.11.0 (the stack's rules refuse it first)", () => {
    for (const fleet of variants("restricted")) {
      assert.throws(() => planFleet(fleet, ctx("v18.10.0")), /seccomp_profile/);
      assert.doesNotThrow(() => planFleet(fleet, ctx("v18.11.0")));
    }
  });
});
