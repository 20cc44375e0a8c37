import { strict as assert } from "node:assert";
import { ConfigValidationError, loadStackConfig } from "../../../config";
import type { Environment } from "../../../model/environment";
import { formatProblem } from "../../../model/problems";
import { fakeReader, validValues } from "../../helpers/config-reader";

type Values = Record<string, unknown>;
const P = "gitlab-ci-platform:";

const inventory = (extra: Values = {}, environments: Values[] = [{ name: "dev" }, { name: "staging" }]) => ({
  name: "inventory",
  project: "platform/inventory",
  access: "agent",
  environments,
  ...extra,
});

/** The agent block, `extra` replacing or adding keys. */
const agent = (extra: Values = {}) => ({
  name: "dev-cluster",
  configProject: "platform/k8s-agents",
  ...extra,
});

/** A valid stack with one agent application on GitLab Premium; `extra` replaces top-level keys. */
function values(extra: Values = {}): Values {
  const base = validValues();
  return {
    ...base,
    gitlab: { ...(base.gitlab as Values), tier: "premium" },
    applications: [inventory()],
    agent: agent(),
    ...extra,
  };
}

const load = (v: Values, environment: Environment = "prod") =>
  loadStackConfig(fakeReader(v, ["gitlabToken"]), environment);

function problemsOf(v: Values, environment: Environment = "prod"): string[] {
  try {
    load(v, environment);
  } catch (err) {
    assert.ok(err instanceof ConfigValidationError, String(err));
    return err.problems.map(formatProblem);
  }
  assert.fail("expected the configuration to be rejected");
}

/** Each case: a configuration, the key path the message must name, and a phrase of the fix. */
const INVALID: { name: string; values: Values; path: string; fix: string; environment?: Environment }[] = [
  {
    name: "an agent application without the agent block",
    values: values({ agent: undefined }),
    path: `${P}applications[0].access`,
    fix: `set ${P}agent (name, configProject)`,
  },
  {
    name: "an agent no application uses",
    values: values({
      applications: [inventory({ access: "kubeconfig" })],
      cluster: { apiServer: { server: "https://10.0.0.1:6443", caCert: "-----BEGIN CERTIFICATE-----\n" } },
    }),
    path: `${P}agent`,
    fix: "set access: agent on the applications",
  },
  {
    name: "an agent name GitLab refuses",
    values: values({ agent: { name: "Dev_Cluster", configProject: "platform/k8s-agents" } }),
    path: `${P}agent.name`,
    fix: "",
  },
  {
    name: "a configuration project without its namespace",
    values: values({ agent: { name: "dev-cluster", configProject: "k8s-agents" } }),
    path: `${P}agent.configProject`,
    fix: "",
  },
  {
    name: "a KAS address that is not wss:// or grpcs://",
    values: values({
      agent: agent({
        kasAddress: "https://gitlab.example.com",
      }),
    }),
    path: `${P}agent.kasAddress`,
    fix: "wss://<gitlab host>/-/kubernetes-agent/",
  },
  {
    name: "a WebSocket KAS address without its trailing slash",
    values: values({
      agent: agent({
        kasAddress: "wss://gitlab.example.com/-/kubernetes-agent",
      }),
    }),
    path: `${P}agent.kasAddress`,
    fix: "end it with /: wss://gitlab.example.com/-/kubernetes-agent/",
  },
  {
    name: "an unencrypted KAS address outside dev",
    values: values({
      agent: agent({
        kasAddress: "ws://gitlab.example.com/-/kubernetes-agent/",
      }),
    }),
    path: `${P}agent.kasAddress`,
    fix: "ws:// and grpc:// only in a dev stack",
  },
  {
    name: "an http GitLab whose derived KAS address would be unencrypted outside dev",
    values: values({ gitlab: { url: "http://gitlab.example.com", group: "platform", tier: "premium" } }),
    path: `${P}agent.kasAddress`,
    fix: "wss:// or grpcs://",
  },
  {
    name: "an environment scope with a wildcard",
    values: values({ applications: [inventory({}, [{ name: "review", environmentScope: "review/*" }])] }),
    path: `${P}applications[0].environments[0].environmentScope`,
    fix: "name the one GitLab environment",
  },
  {
    name: "two environments whose slugs collide",
    values: values({
      applications: [
        inventory({}, [
          { name: "one", environmentScope: "staging", namespace: "inventory-one" },
          { name: "two", environmentScope: "staging-", namespace: "inventory-two" },
        ]),
      ],
    }),
    path: `${P}applications[0].environments[1].environmentScope`,
    fix: "rename one of the two GitLab environments",
  },
  {
    name: "an unpinned agentk image",
    values: values({
      agent: agent({ image: { version: "latest" } }),
    }),
    path: `${P}agent.image.version`,
    fix: "",
  },
  {
    name: "GitLab Free, where the CI/CD job cannot be impersonated",
    values: values({ gitlab: { url: "https://gitlab.example.com", group: "platform" } }),
    path: `${P}gitlab.tier`,
    fix: "set gitlab.tier to your GitLab's plan",
  },
  {
    name: "a project outside the configuration project's top-level group",
    values: values({ applications: [inventory({ project: "retail/inventory" })] }),
    path: `${P}applications[0].project`,
    fix: "agent.instanceLevelAuthorization",
  },
  {
    name: "an agent namespace the runners use",
    values: values({
      agent: agent({ namespace: "gitlab-runner" }),
    }),
    path: `${P}agent.namespace`,
    fix: "give the agent a namespace of its own",
  },
];

describe("config: the GitLab agent and its applications", () => {
  it("a valid agent stack loads: the agent's settings, its KAS address derived as GitLab serves it", () => {
    const config = load(values());
    const agent = config.gitlabSide.agent;
    assert.equal(agent?.kasAddress, "wss://gitlab.example.com/-/kubernetes-agent/");
    assert.equal(
      agent?.image,
      "registry.gitlab.com/gitlab-org/cluster-integration/gitlab-agent/agentk:v19.3.0",
    );
    assert.deepEqual(agent?.authorisations, [
      { project: "platform/inventory", environments: ["dev"] },
      { project: "platform/inventory", environments: ["staging"] },
    ]);
    assert.deepEqual(
      config.gitlabSide.deployTargets.map((t) => [t.access, t.namespace]),
      [
        ["agent", "inventory-dev"],
        ["agent", "inventory-staging"],
      ],
    );
  });

  it("agent applications need no cluster.apiServer (no kubeconfig is written) and no KUBECONFIG variable", () => {
    const config = load(values());
    assert.equal(config.cluster.apiServer, undefined);
    assert.deepEqual(config.gitlabSide.variables, []);
  });

  it("an agent pinned by digest, and ws:// in a dev stack, are accepted", () => {
    const digest = `sha256:${"ab".repeat(32)}`;
    const config = load(
      values({
        agent: agent({
          kasAddress: "ws://gitlab.test/-/kubernetes-agent/",
          image: { version: digest },
        }),
      }),
      "dev",
    );
    assert.match(config.gitlabSide.agent?.image ?? "", new RegExp(`/agentk@${digest}$`));
  });

  it("a self-managed GitLab with instance level authorization may authorise other top-level groups", () => {
    const instanceWide = agent({ instanceLevelAuthorization: true });
    assert.ok(
      load(values({ agent: instanceWide, applications: [inventory({ project: "retail/inventory" })] })),
    );
  });

  for (const c of INVALID) {
    it(`refuses ${c.name}, naming ${c.path.slice(P.length)} and the fix`, () => {
      const problems = problemsOf(c.values, c.environment);
      const found = problems.find((p) => p.startsWith(`${c.path}:`));
      assert.ok(found, `no problem at ${c.path}:\n${problems.join("\n")}`);
      assert.ok(found.includes(c.fix), found);
    });
  }

  it("reports every problem at once", () => {
    const problems = problemsOf(
      values({
        gitlab: { url: "http://gitlab.example.com", group: "platform" },
        applications: [
          inventory({ project: "retail/inventory" }, [{ name: "review", environmentScope: "review/*" }]),
        ],
      }),
    );
    for (const path of [
      "gitlab.tier",
      "agent.kasAddress",
      "applications[0].environments[0].environmentScope",
      "applications[0].project",
    ])
      assert.ok(
        problems.some((p) => p.startsWith(`${P}${path}:`)),
        `${path}:\n${problems.join("\n")}`,
      );
  });
});
