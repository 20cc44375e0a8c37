import { strict as assert } from "node:assert";
import {
  parseConfigToml,
  validateKubernetesSettings,
  validateRunnerConfig,
} from "../../../../model/config-toml";
import { formatProblem, type Problem } from "../../../../model/problems";
import { configWith, configWithKubernetes } from "./helpers";

function kubernetesProblems(settings: unknown): Problem[] {
  return validateKubernetesSettings(settings).problems;
}

function pathsOf(problems: readonly Problem[]): string[] {
  return problems.map((p) => p.path);
}

interface RejectCase {
  name: string;
  settings: Record<string, unknown>;
  path: string;
  says: RegExp;
}

const REJECTED: RejectCase[] = [
  {
    name: "a DNS policy in Kubernetes spelling",
    settings: { dnsPolicy: "ClusterFirst" },
    path: "kubernetes.dnsPolicy",
    says: /"cluster-first"/,
  },
  {
    name: "an unknown pull policy in a list",
    settings: { pullPolicy: ["always", "sometimes"] },
    path: "kubernetes.pullPolicy[1]",
    says: /"if-not-present"/,
  },
  {
    name: "an unknown patch type",
    settings: { podSpec: [{ patch: "{}", patchType: "replace" }] },
    path: "kubernetes.podSpec[0].patchType",
    says: /"strategic"/,
  },
  {
    name: "an unknown taint effect",
    settings: { nodeTolerations: { "a=b": "NoRun" } },
    path: 'kubernetes.nodeTolerations."a=b"',
    says: /NoSchedule/,
  },
  {
    name: "an unknown selector operator",
    settings: {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: "a", operator: "Equals", values: ["b"] }] }],
          },
        },
      },
    },
    path: "kubernetes.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator",
    says: /"In"/,
  },
  {
    name: "a duration without unit",
    settings: { cleanupResourcesTimeout: "5 minutes" },
    path: "kubernetes.cleanupResourcesTimeout",
    says: /Go duration/,
  },
  {
    name: "a negative poll timeout",
    settings: { pollTimeout: -5 },
    path: "kubernetes.pollTimeout",
    says: /negative|at least 1/,
  },
  {
    name: "a fractional grace period",
    settings: { podTerminationGracePeriodSeconds: 1.5 },
    path: "kubernetes.podTerminationGracePeriodSeconds",
    says: /integer/,
  },
  {
    name: "an unparsable CPU quantity",
    settings: { cpuLimit: "two" },
    path: "kubernetes.cpuLimit",
    says: /quantity/,
  },
  {
    name: "a negative memory quantity",
    settings: { memoryRequest: "-1Gi" },
    path: "kubernetes.memoryRequest",
    says: /non-negative/,
  },
  {
    name: "a quantity given as a number",
    settings: { helperCpuLimit: 2 },
    path: "kubernetes.helperCpuLimit",
    says: /quantity/,
  },
  {
    name: "a PVC volume without mount path",
    settings: { volumes: { pvc: [{ name: "cache" }] } },
    path: "kubernetes.volumes.pvc[0].mountPath",
    says: /required/,
  },
  {
    name: "an NFS volume without server",
    settings: { volumes: { nfs: [{ name: "n", mountPath: "/n", path: "/x" }] } },
    path: "kubernetes.volumes.nfs[0].server",
    says: /required/,
  },
  {
    name: "a bool overwrite given as a regex",
    settings: { bearerTokenOverwriteAllowed: ".*" },
    path: "kubernetes.bearerTokenOverwriteAllowed",
    says: /boolean/,
  },
  {
    name: "an invalid overwrite regex",
    settings: { namespaceOverwriteAllowed: "ci-(" },
    path: "kubernetes.namespaceOverwriteAllowed",
    says: /regular expression/,
  },
  {
    name: "capabilities.add given as a string",
    settings: { buildContainerSecurityContext: { capabilities: { add: "NET_ADMIN" } } },
    path: "kubernetes.buildContainerSecurityContext.capabilities.add",
    says: /list/,
  },
  {
    name: "both patch and patch_path",
    settings: { podSpec: [{ patch: "{}", patchPath: "/p.yaml" }] },
    path: "kubernetes.podSpec[0].patch",
    says: /exactly one/,
  },
  {
    name: "a preferred term weight above 100",
    settings: {
      affinity: {
        podAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 500, podAffinityTerm: { topologyKey: "zone" } },
          ],
        },
      },
    },
    path: "kubernetes.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight",
    says: /1 to 100/,
  },
  {
    name: "a misspelled camelCase field",
    settings: { cpuLimits: "1" },
    path: "kubernetes.cpuLimits",
    says: /unknown key/,
  },
];

describe("model validation names camelCase paths", () => {
  for (const { name, settings, path, says } of REJECTED) {
    it(`rejects ${name}`, () => {
      const problems = kubernetesProblems(settings);
      const problem = problems.find((p) => p.path === path);
      assert.ok(problem, `expected a problem at ${path}, got ${JSON.stringify(problems)}`);
      assert.match(formatProblem(problem), says);
    });
  }

  it("names paths under the caller's prefix, as for fleets[].kubernetes of the stack config", () => {
    const { problems } = validateKubernetesSettings(
      { cpuLimits: "1", volumes: { pvc: [{ name: "p" }] } },
      "fleets[2].kubernetes",
    );
    assert.deepEqual(problems.map(formatProblem).sort(), [
      'fleets[2].kubernetes.cpuLimits: unknown key "cpuLimits" — did you mean cpuLimit?',
      "fleets[2].kubernetes.volumes.pvc[0].mountPath: is required — add it",
    ]);
  });

  it("suggests the closest field for a misspelled camelCase key in a runner config", () => {
    const { problems } = validateRunnerConfig({
      ...configWith({}),
      runners: [{ ...configWith({}).runners![0], kubernetes: { cpuLimits: "1" } }],
    });
    assert.equal(
      formatProblem(problems[0]),
      'runners[0].kubernetes.cpuLimits: unknown key "cpuLimits" — did you mean cpuLimit?',
    );
  });

  it("rejects runner-level negative sizes, bad feature flags and bad log levels", () => {
    const { problems } = validateRunnerConfig({
      ...configWith({ outputLimit: -1, featureFlags: { ff_lower: true } }),
      logLevel: "verbose",
    });
    assert.deepEqual(pathsOf(problems).sort(), [
      "logLevel",
      "runners[0].featureFlags.ff_lower",
      "runners[0].outputLimit",
    ]);
  });

  it("rejects cache settings the runner would refuse", () => {
    const { problems } = validateRunnerConfig(
      configWith({
        cache: { type: "S3" as "s3", maxUploadedArchiveSize: -1, s3: { authenticationType: "token" } },
      }),
    );
    assert.deepEqual(pathsOf(problems), [
      "runners[0].cache.type",
      "runners[0].cache.maxUploadedArchiveSize",
      "runners[0].cache.s3.authenticationType",
    ]);
  });

  it("accepts the documented forms", () => {
    const { problems } = validateRunnerConfig(
      configWithKubernetes({
        cpuLimit: "1.5",
        memoryLimit: "4Gi",
        ephemeralStorageRequest: "1e3",
        cpuRequest: "+250m",
        cleanupResourcesTimeout: "1h30m",
        pullPolicy: "",
        dnsPolicy: "",
      }),
    );
    assert.deepEqual(problems, []);
  });
});

describe("parseConfigToml names TOML paths", () => {
  const parse = (text: string) =>
    parseConfigToml(
      `[[runners]]\nurl = "https://g.example.com"\ntoken = "t"\nexecutor = "kubernetes"\n${text}`,
    );

  it("names a misspelled key and suggests the right one", () => {
    const { config, problems } = parse('[runners.kubernetes]\ncpu_limits = "1"\npull_polcy = "always"\n');
    assert.equal(config, undefined);
    assert.deepEqual(problems.map(formatProblem), [
      'runners[0].kubernetes.cpu_limits: unknown key "cpu_limits" — did you mean cpu_limit?',
      'runners[0].kubernetes.pull_polcy: unknown key "pull_polcy" — did you mean pull_policy?',
    ]);
  });

  it("spots lower-case cache keys and the readonly typo", () => {
    const { problems } = parse(
      '[runners.cache]\ntype = "s3"\n[[runners.kubernetes.volumes.pvc]]\nname = "a"\nmount_path = "/a"\nreadonly = false\n',
    );
    assert.deepEqual(
      problems.map((p) => [p.path, p.fix]),
      [
        ["runners[0].cache.type", "did you mean Type?"],
        ["runners[0].kubernetes.volumes.pvc[0].readonly", "did you mean read_only?"],
      ],
    );
  });

  it("reports wrong types and values by TOML key", () => {
    const { problems } = parse(
      'output_limit = "4096"\n[runners.kubernetes]\ndns_policy = "ClusterFirst"\npoll_timeout = -1\n',
    );
    assert.deepEqual(pathsOf(problems), [
      "runners[0].output_limit",
      "runners[0].kubernetes.dns_policy",
      "runners[0].kubernetes.poll_timeout",
    ]);
  });

  it("reports a syntax error with its line", () => {
    const { problems } = parseConfigToml("concurrent = 1\nurl = ${gitlab-url}\n");
    assert.equal(problems.length, 1);
    assert.match(
      formatProblem(problems[0]),
      /^line 2, column 7: TOML syntax error: .* — fix the TOML syntax$/,
    );
  });

  it("says why a valid runner key is outside the model", () => {
    const { problems } = parse('[runners.docker]\nimage = "alpine"\n');
    assert.match(
      formatProblem(problems[0]),
      /^runners\[0\]\.docker: "docker" is not part of this model — configures another executor/,
    );
  });

  it("treats keys named like Object.prototype members as unknown keys", () => {
    const { problems } = parse("constructor = 1\n[runners.kubernetes]\ntoString = 2\n");
    assert.deepEqual(pathsOf(problems), ["runners[0].constructor", "runners[0].kubernetes.toString"]);
  });

  it("requires url, token and executor in a full config.toml", () => {
    const { problems } = parseConfigToml('[[runners]]\nname = "x"\n');
    assert.deepEqual(pathsOf(problems), ["runners[0].url", "runners[0].token", "runners[0].executor"]);
  });
});

describe("formatProblem", () => {
  it("joins path, what is wrong and the fix", () => {
    assert.equal(
      formatProblem({ path: "a.b", reason: "is wrong", fix: "set it right" }),
      "a.b: is wrong — set it right",
    );
    assert.equal(formatProblem({ path: "a.b", reason: "is wrong" }), "a.b: is wrong");
  });
});
