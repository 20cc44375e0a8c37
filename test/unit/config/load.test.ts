import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { ConfigValidationError, loadStackConfig } from "../../../config";
import { formatProblem } from "../../../model/problems";
import { DEFAULTS } from "../../../model/defaults";
import { fakeReader, validValues } from "../../helpers/config-reader";

type Values = Record<string, unknown>;
const SECRETS = [
  "gitlabToken",
  "kubeconfig",
  "registryPassword",
  "gitSshPrivateKey",
  "cacheS3AccessKey",
  "cacheS3SecretKey",
  "cacheGcsCredentials",
];

function load(values: Values, secretKeys = SECRETS) {
  return loadStackConfig(fakeReader(values, secretKeys));
}

function problemsOf(values: Values, secretKeys = SECRETS): string[] {
  try {
    load(values, secretKeys);
  } catch (err) {
    assert.ok(err instanceof ConfigValidationError, `expected a ConfigValidationError, got ${String(err)}`);
    return err.problems.map(formatProblem);
  }
  assert.fail("expected the configuration to be rejected");
}

function withFleet(fleet: Values, extra: Values = {}): Values {
  return { ...validValues(), fleets: [{ name: "k8s", ...fleet }], ...extra };
}

const P = "gitlab-ci-platform:";

/** Each case: a configuration, the key path the message must name, and a phrase of the fix. */
const INVALID: { name: string; values: Values; path: string; fix: string; secretKeys?: string[] }[] = [
  {
    name: "unknown top-level key",
    values: { ...validValues(), someTypo: 1 },
    path: `${P}someTypo`,
    fix: "remove it",
  },
  {
    name: "misspelled top-level key",
    values: { ...validValues(), fleet: [] },
    path: `${P}fleet`,
    fix: "did you mean gitlab-ci-platform:fleets",
  },
  {
    name: "a Kubernetes client rate of 0 requests a second",
    values: { ...validValues(), cluster: { kubeClient: { qps: 0 } } },
    path: `${P}cluster.kubeClient.qps`,
    fix: "must be more than 0",
  },
  {
    name: "a Kubernetes client burst that is no whole number",
    values: { ...validValues(), cluster: { kubeClient: { burst: 1.5 } } },
    path: `${P}cluster.kubeClient.burst`,
    fix: "write it as an integer",
  },
  {
    name: "missing gitlab",
    values: { fleets: [{ name: "a" }], gitlabToken: "x" },
    path: `${P}gitlab`,
    fix: "add it",
  },
  {
    name: "missing fleets",
    values: { gitlab: { url: "https://g.example.com" }, gitlabToken: "x" },
    path: `${P}fleets`,
    fix: "add it",
  },
  {
    name: "empty fleet list counts as unset",
    values: { ...validValues(), fleets: [] },
    path: `${P}fleets`,
    fix: "add it",
  },
  {
    name: "gitlab url not a URL",
    values: { ...validValues(), gitlab: { url: "gitlab.example.com", group: "g" } },
    path: `${P}gitlab.url`,
    fix: "must be an http(s) URL",
  },
  {
    name: "gitlab url wrong scheme",
    values: { ...validValues(), gitlab: { url: "ftp://gitlab.example.com", group: "g" } },
    path: `${P}gitlab.url`,
    fix: "must be an http(s) URL",
  },
  {
    name: "unknown key in gitlab",
    values: { ...validValues(), gitlab: { url: "https://g.example.com", grup: "g" } },
    path: `${P}gitlab.grup`,
    fix: "did you mean group?",
  },
  {
    name: "caCert not PEM",
    values: { ...validValues(), gitlab: { url: "https://g.example.com", group: "g", caCert: "abc" } },
    path: `${P}gitlab.caCert`,
    fix: "must be a PEM certificate",
  },
  {
    name: "fleet name not a DNS label",
    values: withFleet({ name: "K8s_Fleet" }),
    path: `${P}fleets[0].name`,
    fix: "must be a DNS label",
  },
  {
    name: "duplicate fleet names",
    values: { ...validValues(), fleets: [{ name: "a" }, { name: "a" }] },
    path: `${P}fleets[1].name`,
    fix: "give each fleet its own name",
  },
  {
    name: "maximumTimeout below GitLab's minimum",
    values: withFleet({ maximumTimeout: 599 }),
    path: `${P}fleets[0].maximumTimeout`,
    fix: "must be at least 600",
  },
  {
    name: "maximumTimeout not an integer",
    values: withFleet({ maximumTimeout: "1h" }),
    path: `${P}fleets[0].maximumTimeout`,
    fix: "write it as a number",
  },
  {
    name: "concurrent zero",
    values: withFleet({ concurrent: 0 }),
    path: `${P}fleets[0].concurrent`,
    fix: "must be at least 1",
  },
  {
    name: "replicas above ten",
    values: withFleet({ replicas: 11 }),
    path: `${P}fleets[0].replicas`,
    fix: "must be at most 10",
  },
  {
    name: "tags not a list",
    values: withFleet({ tags: "k8s" }),
    path: `${P}fleets[0].tags`,
    fix: "write it as a list",
  },
  {
    name: "unknown scope type",
    values: withFleet({ scope: { type: "user" } }),
    path: `${P}fleets[0].scope.type`,
    fix: 'use one of "instance", "group", "project"',
  },
  {
    name: "project scope without project",
    values: withFleet({ scope: { type: "project" } }),
    path: `${P}fleets[0].scope.project`,
    fix: "add it",
  },
  {
    name: "group runner without any group",
    values: { gitlab: { url: "https://g.example.com" }, fleets: [{ name: "a" }], gitlabToken: "x" },
    path: `${P}fleets[0].scope.group`,
    fix: "gitlab.group",
  },
  {
    name: "bad log level",
    values: withFleet({ logLevel: "verbose" }),
    path: `${P}fleets[0].logLevel`,
    fix: '"debug"',
  },
  {
    name: "misspelled executor key",
    values: withFleet({ kubernetes: { cpu_limits: "1" } }),
    path: `${P}fleets[0].kubernetes.cpu_limits`,
    fix: "did you mean cpuLimit?",
  },
  {
    name: "misspelled nested executor key",
    values: withFleet({ kubernetes: { podSecurityContext: { runAsNonRot: true } } }),
    path: `${P}fleets[0].kubernetes.podSecurityContext.runAsNonRot`,
    fix: "did you mean runAsNonRoot?",
  },
  {
    name: "misspelled fleet key",
    values: withFleet({ cahce: { type: "none" } }),
    path: `${P}fleets[0].cahce`,
    fix: "did you mean cache?",
  },
  {
    name: "runner older than 18.10",
    values: { ...validValues(), runnerImage: { version: "v17.11.0" } },
    path: `${P}runnerImage.version`,
    fix: "",
  },
  {
    name: "job namespace not a DNS label",
    values: withFleet({ kubernetes: { namespace: "Bad_NS" } }),
    path: `${P}fleets[0].kubernetes.namespace`,
    fix: "rename it",
  },
  {
    name: "jobs in kube-system",
    values: withFleet({ kubernetes: { namespace: "kube-system" } }),
    path: `${P}fleets[0].kubernetes.namespace`,
    fix: "namespace of the platform's own",
  },
  {
    name: "privileged build container outside a dangerous fleet",
    values: withFleet({ kubernetes: { buildContainerSecurityContext: { privileged: true } } }),
    path: `${P}fleets[0].kubernetes.buildContainerSecurityContext.privileged`,
    fix: "dangerous.dockerInDocker",
  },
  {
    name: "host path volume in a restricted fleet",
    values: withFleet({
      kubernetes: { volumes: { hostPath: [{ name: "h", mountPath: "/h", hostPath: "/etc" }] } },
    }),
    path: `${P}fleets[0].kubernetes.volumes.hostPath`,
    fix: "dangerous.dockerSocket",
  },
  {
    name: "privilege escalation in a restricted fleet",
    values: withFleet({ kubernetes: { allowPrivilegeEscalation: true } }),
    path: `${P}fleets[0].kubernetes.allowPrivilegeEscalation`,
    fix: "jobPodSecurity to baseline",
  },
  {
    name: "capability refused by restricted",
    values: withFleet({ kubernetes: { capAdd: ["NET_ADMIN"] } }),
    path: `${P}fleets[0].kubernetes.capAdd`,
    fix: "add only NET_BIND_SERVICE",
  },
  {
    name: "capability refused by baseline",
    values: withFleet({
      jobPodSecurity: "baseline",
      kubernetes: { buildContainerSecurityContext: { capabilities: { add: ["SYS_ADMIN"] } } },
    }),
    path: `${P}fleets[0].kubernetes.buildContainerSecurityContext.capabilities.add`,
    fix: "add only AUDIT_WRITE",
  },
  {
    name: "service account override",
    values: withFleet({ kubernetes: { serviceAccountOverwriteAllowed: ".*" } }),
    path: `${P}fleets[0].kubernetes.serviceAccountOverwriteAllowed`,
    fix: "jobServiceAccountToken",
  },
  {
    name: "dangerous fleet letting jobs leave its nodes",
    values: withFleet({
      dangerous: { dockerSocket: true },
      kubernetes: {
        namespace: "dind",
        nodeSelector: { ci: "t" },
        nodeTolerations: { ci: "NoSchedule" },
        nodeSelectorOverwriteAllowed: ".*",
      },
    }),
    path: `${P}fleets[0].kubernetes.nodeSelectorOverwriteAllowed`,
    fix: "remove it",
  },
  {
    name: "gitlab url is the API url",
    values: { ...validValues(), gitlab: { url: "https://gitlab.example.com/api/v4", group: "g" } },
    path: `${P}gitlab.url`,
    fix: "",
  },
  {
    name: "group id in quotes",
    values: { ...validValues(), gitlab: { url: "https://gitlab.example.com", group: "42" } },
    path: `${P}gitlab.group`,
    fix: "",
  },
  {
    name: "group given as a URL",
    values: {
      ...validValues(),
      gitlab: { url: "https://gitlab.example.com", group: "https://gitlab.example.com/platform" },
    },
    path: `${P}gitlab.group`,
    fix: "",
  },
  {
    name: "upper-case host alias",
    values: { ...validValues(), hostAliases: [{ ip: "10.0.0.1", hostnames: ["GitLab.example.com"] }] },
    path: `${P}hostAliases[0].hostnames[0]`,
    fix: "",
  },
  {
    name: "job host alias with a bad IP",
    values: withFleet({ kubernetes: { hostAliases: [{ ip: "not-an-ip", hostnames: ["a.example.com"] }] } }),
    path: `${P}fleets[0].kubernetes.hostAliases[0].ip`,
    fix: "must be an IPv4 or IPv6 address",
  },
  {
    name: "tags joined with commas",
    values: withFleet({ tags: ["k8s,docker"] }),
    path: `${P}fleets[0].tags[0]`,
    fix: "",
  },
  {
    name: "duplicate tags",
    values: withFleet({ tags: ["k8s", "k8s"] }),
    path: `${P}fleets[0].tags`,
    fix: "",
  },
  {
    name: "S3 address with a scheme",
    values: withFleet({
      cache: { type: "s3", serverAddress: "https://s3.example.com", bucketName: "ci-cache" },
    }),
    path: `${P}fleets[0].cache.serverAddress`,
    fix: "",
  },
  {
    name: "runner image repository with a tag",
    values: { ...validValues(), runnerImage: { repository: "gitlab/gitlab-runner:alpine-v19.3.0" } },
    path: `${P}runnerImage.repository`,
    fix: "",
  },
  {
    name: "label key with a space",
    values: {
      ...validValues(),
      monitoring: { prometheusOperator: true, serviceMonitorLabels: { "kube prometheus": "x" } },
    },
    path: `${P}monitoring.serviceMonitorLabels."kube prometheus"`,
    fix: "rename it",
  },
  {
    name: "storage class with spaces",
    values: withFleet({ cache: { type: "pvc", storageClass: "Fast SSD" } }),
    path: `${P}fleets[0].cache.storageClass`,
    fix: "",
  },
  {
    name: "own volume over the builds directory",
    values: withFleet({ kubernetes: { volumes: { pvc: [{ name: "mine", mountPath: "/builds" }] } } }),
    path: `${P}fleets[0].kubernetes.volumes.pvc[0].mountPath`,
    fix: "mount it elsewhere",
  },
  {
    name: "bad pull policy",
    values: withFleet({ kubernetes: { pullPolicy: "sometimes" } }),
    path: `${P}fleets[0].kubernetes.pullPolicy`,
    fix: "",
  },
  {
    name: "unparsable cpu quantity",
    values: withFleet({ kubernetes: { cpuLimit: "two" } }),
    path: `${P}fleets[0].kubernetes.cpuLimit`,
    fix: "",
  },
  {
    name: "managed serviceAccount",
    values: withFleet({ kubernetes: { serviceAccount: "default" } }),
    path: `${P}fleets[0].kubernetes.serviceAccount`,
    fix: "jobServiceAccountToken",
  },
  {
    name: "automountServiceAccountToken, which jobServiceAccountToken decides",
    values: withFleet({ kubernetes: { automountServiceAccountToken: true } }),
    path: `${P}fleets[0].kubernetes.automountServiceAccountToken`,
    fix: "use jobServiceAccountToken: true",
  },
  {
    name: "a podSpec patch with the advanced pod spec flag turned off",
    values: withFleet({
      kubernetes: { podSpec: [{ name: "p", patch: "hostname: x", patchType: "strategic" }] },
      featureFlags: { FF_USE_ADVANCED_POD_SPEC_CONFIGURATION: false },
    }),
    path: `${P}fleets[0].featureFlags.FF_USE_ADVANCED_POD_SPEC_CONFIGURATION`,
    fix: "the platform turns the flag on",
  },
  {
    name: "helperImage with :latest, refused like the runner image",
    values: withFleet({ kubernetes: { helperImage: "registry.example.com/gitlab-runner-helper:latest" } }),
    path: `${P}fleets[0].kubernetes.helperImage`,
    fix: "the runner then uses the helper of its own version",
  },
  {
    name: "helperImage without a tag",
    values: withFleet({ kubernetes: { helperImage: "registry.example.com/gitlab-runner-helper" } }),
    path: `${P}fleets[0].kubernetes.helperImage`,
    fix: "gitlab-runner-helper:x86_64-v19.3.0",
  },
  {
    name: "privileged outside dangerous",
    values: withFleet({ kubernetes: { privileged: true } }),
    path: `${P}fleets[0].kubernetes.privileged`,
    fix: "dangerous.dockerInDocker",
  },
  {
    name: "API host for jobs",
    values: withFleet({ kubernetes: { host: "https://10.0.0.1:6443" } }),
    path: `${P}fleets[0].kubernetes.host`,
    fix: "own ServiceAccount",
  },
  {
    name: "jobs in the manager namespace",
    values: withFleet({ kubernetes: { namespace: "gitlab-runner" } }),
    path: `${P}fleets[0].kubernetes.namespace`,
    fix: "another namespace",
  },
  {
    name: "unknown cache type",
    values: withFleet({ cache: { type: "swift" } }),
    path: `${P}fleets[0].cache.type`,
    fix: '"none", "pvc", "s3", "nas", "oss", "gcs", "azure"',
  },
  {
    name: "s3 cache without bucket",
    values: withFleet({ cache: { type: "s3", serverAddress: "s3.example.com" } }),
    path: `${P}fleets[0].cache.bucketName`,
    fix: "add it",
  },
  {
    name: "cache size not a quantity",
    values: withFleet({ cache: { type: "pvc", size: "lots" } }),
    path: `${P}fleets[0].cache.size`,
    fix: "",
  },
  {
    name: "ephemeral builds without storage class",
    values: withFleet({ builds: { type: "ephemeralPvc" } }),
    path: `${P}fleets[0].builds.storageClass`,
    fix: "add it",
  },
  {
    name: "docker-in-docker without node selector",
    values: withFleet({
      dangerous: { dockerInDocker: true },
      kubernetes: { namespace: "dind", nodeTolerations: { "ci=true": "NoSchedule" } },
    }),
    path: `${P}fleets[0].kubernetes.nodeSelector`,
    fix: "isolated, tainted nodes",
  },
  {
    name: "docker socket without tolerations",
    values: withFleet({
      dangerous: { dockerSocket: true },
      kubernetes: { namespace: "dind", nodeSelector: { ci: "true" } },
    }),
    path: `${P}fleets[0].kubernetes.nodeTolerations`,
    fix: "the taint",
  },
  {
    name: "privileged fleet sharing its namespace",
    values: {
      ...validValues(),
      fleets: [
        { name: "a" },
        {
          name: "dind",
          dangerous: { dockerInDocker: true },
          kubernetes: { nodeSelector: { ci: "t" }, nodeTolerations: { ci: "NoSchedule" } },
        },
      ],
    },
    path: `${P}fleets[1].kubernetes.namespace`,
    fix: "dedicated job namespace",
  },
  {
    name: "kaniko without registry",
    values: withFleet({ kaniko: true }),
    path: `${P}fleets[0].kaniko`,
    fix: "gitlab-ci-platform:registry",
  },
  {
    name: "gitSsh without known hosts",
    values: withFleet({ gitSsh: true }),
    path: `${P}fleets[0].gitSsh`,
    fix: "gitSsh.knownHosts",
  },
  {
    name: "registry without password",
    values: { ...validValues(), registry: { server: "harbor.example.com", username: "ci" } },
    path: `${P}registryPassword`,
    fix: "pulumi config set --secret registryPassword",
  },
  {
    name: "s3 cache without keys",
    values: withFleet({ cache: { type: "s3", serverAddress: "s3.example.com", bucketName: "ci-cache" } }),
    path: `${P}cacheS3SecretKey`,
    fix: "pulumi config set --secret cacheS3SecretKey",
  },
  {
    name: "gcs cache without its service account key",
    values: withFleet({ cache: { type: "gcs", bucketName: "ci-cache" } }),
    path: `${P}cacheGcsCredentials`,
    fix: "pulumi config set --secret cacheGcsCredentials",
  },
  {
    name: "gcs bucket name that GCS refuses",
    values: withFleet({ cache: { type: "gcs", bucketName: "CI Cache" } }),
    path: `${P}fleets[0].cache.bucketName`,
    fix: "must be a GCS bucket name",
  },
  {
    name: "azure cache without the managed identity",
    values: withFleet({ cache: { type: "azure", accountName: "cicache", containerName: "runner-cache" } }),
    path: `${P}fleets[0].cache.clientId`,
    fix: "client id",
  },
  {
    name: "azure storage account name that Azure refuses",
    values: withFleet({
      cache: {
        type: "azure",
        accountName: "CI_Cache",
        containerName: "runner-cache",
        clientId: "0b9a2f3c-4d5e-4f60-8a7b-9c0d1e2f3a4b",
      },
    }),
    path: `${P}fleets[0].cache.accountName`,
    fix: "must be an Azure storage account name",
  },
  {
    name: "gitlab token missing",
    values: { gitlab: { url: "https://g.example.com", group: "g" }, fleets: [{ name: "a" }] },
    path: `${P}gitlabToken`,
    fix: "pulumi config set --secret gitlabToken",
  },
  {
    name: "secret stored in plain text",
    values: validValues(),
    secretKeys: [],
    path: `${P}gitlabToken`,
    fix: "pulumi config set --secret gitlabToken",
  },
  {
    name: "settings stored as a secret",
    values: validValues(),
    secretKeys: ["gitlabToken", "gitlab"],
    path: `${P}gitlab`,
    fix: "set it without --secret",
  },
  {
    name: "a misspelled namespace, which would drop the block silently",
    values: { ...validValues(), "gitlab-ci-platfrom:variables": [] },
    path: "gitlab-ci-platfrom:variables",
    fix: "did you mean gitlab-ci-platform:variables?",
  },
  {
    name: "a provider key the program's explicit provider never reads",
    values: { ...validValues(), "gitlab:token": "glpat-x" },
    path: "gitlab:token",
    fix: "gitlabToken",
  },
  {
    name: "a fleet with no tags that may not run untagged jobs (GitLab refuses the runner)",
    values: withFleet({ tags: [], runUntagged: false }),
    path: `${P}fleets[0].runUntagged`,
    fix: "give the fleet tags",
  },
  {
    name: "a password in a proxy URL in the manager's environment",
    values: withFleet({
      manager: { env: [{ name: "HTTPS_PROXY", value: "http://ci:s3cret-pw@proxy:3128" }] },
    }),
    path: `${P}fleets[0].manager.env[0].value`,
    fix: "secret: {name: <Secret>, key: <key>}",
  },
  {
    name: "a credential by its name as a literal in the manager's environment",
    values: withFleet({ manager: { env: [{ name: "HARBOR_PASSWORD", value: "Harbor12345" }] } }),
    path: `${P}fleets[0].manager.env[0].value`,
    fix: "Kubernetes Secret",
  },
  {
    name: "structured key given as text",
    values: { ...validValues(), cluster: "dev" },
    path: `${P}cluster`,
    fix: "YAML mapping",
  },
  {
    name: "host alias with a bad IP",
    values: { ...validValues(), hostAliases: [{ ip: "300.1.1.1", hostnames: ["g"] }] },
    path: `${P}hostAliases[0].ip`,
    fix: "must be an IPv4 or IPv6 address",
  },
  {
    name: "runner image pinned to latest",
    values: { ...validValues(), runnerImage: { version: "latest" } },
    path: `${P}runnerImage.version`,
    fix: "must be a pinned runner version",
  },
  {
    name: "feature flag not FF_",
    values: withFleet({ featureFlags: { use_fastzip: true } }),
    path: `${P}fleets[0].featureFlags.use_fastzip`,
    fix: "rename it",
  },
];

describe("stack configuration loader", () => {
  it("accepts a minimal configuration and fills every default from config/defaults.ts", () => {
    const config = load(validValues());
    const fleet = config.fleets[0];
    assert.equal(config.cluster.managerNamespace, DEFAULTS.cluster.managerNamespace);
    assert.deepEqual(config.cluster.kubeClient, DEFAULTS.cluster.kubeClient);
    assert.equal(fleet.maximumTimeout, DEFAULTS.fleet.maximumTimeout);
    assert.equal(fleet.concurrent, DEFAULTS.fleet.concurrent);
    assert.equal(fleet.replicas, DEFAULTS.fleet.replicas);
    assert.deepEqual(fleet.cache, { type: "none" });
    assert.equal(config.runnerImage.version, DEFAULTS.runnerImage.version);
  });

  it("keeps secrets as secret Outputs", async () => {
    const config = load(validValues());
    assert.equal(await pulumi.isSecret(config.secrets.gitlabToken), true);
  });

  it("treats the empty defaults Pulumi.yaml declares as unset", () => {
    const config = load({ ...validValues(), registry: {}, hostAliases: [], kubeconfig: "", cluster: {} });
    assert.equal(config.registry, undefined);
    assert.equal(config.secrets.kubeconfig, undefined);
  });

  for (const c of INVALID) {
    it(`rejects: ${c.name}`, () => {
      const messages = problemsOf(c.values, c.secretKeys ?? SECRETS);
      const hit = messages.find((m) => m.startsWith(`${c.path}: `));
      assert.ok(hit, `no problem names ${c.path}; got:\n${messages.join("\n")}`);
      assert.ok(hit.includes(" — "), `message has no fix: ${hit}`);
      assert.ok(hit.includes(c.fix), `fix does not mention ${JSON.stringify(c.fix)}: ${hit}`);
    });
  }

  it("reports every problem at once", () => {
    const messages = problemsOf({
      ...validValues(),
      typoA: 1,
      typoB: 2,
      fleets: [{ name: "Bad Name", maximumTimeout: 1 }],
    });
    for (const path of [`${P}typoA`, `${P}typoB`, `${P}fleets[0].name`, `${P}fleets[0].maximumTimeout`]) {
      assert.ok(
        messages.some((m) => m.startsWith(path)),
        `missing ${path} in\n${messages.join("\n")}`,
      );
    }
  });

  it("has at least 30 invalid configurations in its table", () => {
    assert.ok(INVALID.length >= 30);
  });
});
