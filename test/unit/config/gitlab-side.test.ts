import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { ConfigValidationError, loadStackConfig } from "../../../config";
import type { Environment } from "../../../model/environment";
import { formatProblem } from "../../../model/problems";
import { fakeReader, validValues } from "../../helpers/config-reader";

type Values = Record<string, unknown>;
const P = "gitlab-ci-platform:";
const SECRETS = ["gitlabToken", "registryPassword", "variableSecrets"];
const CA = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

const shop = (environments: Values[] = [{ name: "production" }], extra: Values = {}) => ({
  name: "shop",
  project: "platform/shop",
  environments,
  ...extra,
});

function values(extra: Values): Values {
  return {
    ...validValues(),
    cluster: { apiServer: { server: "https://10.0.0.1:6443", caCert: CA } },
    variableSecrets: { sonarToken: "sqa_0123456789abcdef" },
    ...extra,
  };
}

const load = (v: Values, environment: Environment = "prod") =>
  loadStackConfig(fakeReader(v, SECRETS), environment);

function problemsOf(v: Values, environment: Environment = "prod"): string[] {
  try {
    load(v, environment);
  } catch (err) {
    assert.ok(err instanceof ConfigValidationError, String(err));
    return err.problems.map(formatProblem);
  }
  assert.fail("expected the configuration to be rejected");
}

const sonar = (extra: Values = {}) => ({
  project: "platform/shop",
  key: "SONAR_TOKEN",
  secret: "sonarToken",
  ...extra,
});

/** Each case: a configuration, the key path the message must name, and a phrase of the fix. */
const INVALID: { name: string; values: Values; path: string; fix: string }[] = [
  {
    name: "an owner that is both a group and a project",
    values: values({ variables: [sonar({ group: "platform" })] }),
    path: `${P}variables[0]`,
    fix: "exactly one of group",
  },
  {
    name: "an owner given as an id",
    values: values({ variables: [sonar({ project: 42 })] }),
    path: `${P}variables[0].project`,
    fix: "",
  },
  {
    name: "a project without its namespace",
    values: values({ variables: [sonar({ project: "shop" })] }),
    path: `${P}variables[0].project`,
    fix: "",
  },
  {
    name: "a key GitLab refuses",
    values: values({ variables: [sonar({ key: "SONAR-TOKEN" })] }),
    path: `${P}variables[0].key`,
    fix: "letters, digits and underscores",
  },
  {
    name: "a value that cannot be masked",
    values: values({ variables: [sonar()], variableSecrets: { sonarToken: "has spaces in it" } }),
    path: `${P}variables[0].value`,
    fix: "a value GitLab can mask",
  },
  {
    name: "a credential written in plain text",
    values: values({ variables: [{ project: "platform/shop", key: "DEPLOY_TOKEN", value: "abcdefgh1234" }] }),
    path: `${P}variables[0].value`,
    fix: "pulumi config set --secret --path",
  },
  {
    name: "a secret the variableSecrets map does not hold",
    values: values({ variables: [sonar({ secret: "missing" })] }),
    path: `${P}variables[0].secret`,
    fix: "variableSecrets.missing",
  },
  {
    name: "a credential that is not masked and protected, in prod",
    values: values({ variables: [sonar({ masked: false, protected: false })] }),
    path: `${P}variables[0]`,
    fix: "masked: true and protected: true",
  },
  {
    name: "a registry password published as a variable that GitLab cannot mask",
    values: values({
      registry: { server: "harbor.example.com", username: "robot$ci", variables: [{ group: "platform" }] },
      registryPassword: "short",
    }),
    path: `${P}registryPassword`,
    fix: "a value GitLab can mask",
  },
  {
    name: "hidden without masked",
    values: values({ variables: [sonar({ masked: false, hidden: true })] }),
    path: `${P}variables[0].hidden`,
    fix: "masked: true",
  },
  {
    name: "the same key and scope twice on one owner",
    values: values({ variables: [sonar(), sonar()] }),
    path: `${P}variables[1]`,
    fix: "environmentScope",
  },
  {
    name: "an environment scope on a group variable of the free tier",
    values: values({
      variables: [sonar({ project: undefined, group: "platform", environmentScope: "prod" })],
    }),
    path: `${P}variables[0].environmentScope`,
    fix: "gitlab.tier",
  },
  {
    name: "a deploy target in the job namespace",
    values: values({ applications: [shop([{ name: "production", namespace: "gitlab-ci-jobs" }])] }),
    path: `${P}applications[0].environments[0].namespace`,
    fix: "namespace of its own",
  },
  {
    name: "a deploy target in the manager namespace",
    values: values({ applications: [shop([{ name: "production", namespace: "gitlab-runner" }])] }),
    path: `${P}applications[0].environments[0].namespace`,
    fix: "namespace of its own",
  },
  {
    name: "two targets writing the same KUBECONFIG",
    values: values({
      applications: [
        shop([
          { name: "blue", environmentScope: "production" },
          { name: "green", environmentScope: "production" },
        ]),
      ],
    }),
    path: `${P}applications[0].environments[1]`,
    fix: "own environmentScope",
  },
  {
    name: "a kubeconfig for every environment",
    values: values({ applications: [shop([{ name: "production", environmentScope: "*" }])] }),
    path: `${P}applications[0].environments[0].environmentScope`,
    fix: "scope it",
  },
  {
    name: "applications without the API server",
    values: { ...values({ applications: [shop()] }), cluster: {} },
    path: `${P}cluster.apiServer`,
    fix: "caCert",
  },
  {
    name: "an application project without its namespace",
    values: values({ applications: [shop(undefined, { project: "shop" })] }),
    path: `${P}applications[0].project`,
    fix: "with its namespace",
  },
  {
    name: "a kind the deployer cannot be given",
    values: values({ applications: [shop(undefined, { deploys: ["ClusterRole"] })] }),
    path: `${P}applications[0].deploys[0]`,
    fix: "",
  },
];

describe("config: CI/CD variables and applications", () => {
  for (const c of INVALID) {
    it(`rejects ${c.name}, naming ${c.path.replace(P, "")} and the fix`, () => {
      const found = problemsOf(c.values).find((p) => p.startsWith(`${c.path}:`));
      assert.ok(found, `no problem at ${c.path}:\n${problemsOf(c.values).join("\n")}`);
      assert.ok(found.includes(c.fix), `"${found}" does not say "${c.fix}"`);
    });
  }

  it("only warns in dev about a credential that is not masked and protected", () => {
    const config = load(values({ variables: [sonar({ masked: false, protected: false })] }), "dev");
    assert.match(config.gitlabSide.warnings.join(), /SONAR_TOKEN holds a credential/);
  });

  it("masks, hides and protects a variable by default and keeps its value a secret", async () => {
    const [variable] = load(values({ variables: [sonar()] })).gitlabSide.variables;
    assert.deepEqual(
      [variable.spec.masked, variable.spec.hidden, variable.spec.protected, variable.spec.environmentScope],
      [true, true, true, "*"],
    );
    assert.equal(await pulumi.isSecret(variable.value), true);
  });

  it("publishes the registry credential as masked, hidden, protected REGISTRY_USER and REGISTRY_PASSWORD", () => {
    const config = load(
      values({
        registry: { server: "harbor.example.com", username: "robot$ci", variables: [{ group: "platform" }] },
        registryPassword: "robot-token-0123456789",
      }),
    );
    const specs = config.gitlabSide.variables.map((v) => v.spec);
    assert.deepEqual(
      specs.map((s) => [s.owner.path, s.key, s.masked, s.hidden, s.protected, s.raw]),
      [
        ["platform", "REGISTRY_USER", true, true, true, true],
        ["platform", "REGISTRY_PASSWORD", true, true, true, true],
      ],
    );
  });

  it("gives each application environment a deploy target named after it, scoped to it", () => {
    const targets = load(
      values({
        applications: [shop([{ name: "production" }, { name: "review", environmentScope: "review/*" }])],
      }),
    ).gitlabSide.deployTargets;
    assert.deepEqual(
      targets.map((t) => [t.namespace, t.environmentScope, t.deploys.join()]),
      [
        ["shop-production", "production", "Deployment,Service,ConfigMap,Secret,Ingress"],
        ["shop-review", "review/*", "Deployment,Service,ConfigMap,Secret,Ingress"],
      ],
    );
  });
});
