import { strict as assert } from "node:assert";
import { parse } from "yaml";
import { AckServerlessCluster } from "../../../components/cluster";
import { DeployTarget } from "../../../components/deploy";
import { gitlabProvider } from "../../../components/gitlab/gitlab-provider";
import { CiVariables } from "../../../components/gitlab/ci-variables";
import type { DeployTargetSpec } from "../../../model/deploy";
import { ANNOTATIONS, COMPONENTS, LABELS } from "../../../model/labels";
import { isSecretValue, type RecordedResource } from "../../../tools/synth/engine";
import { ofType, one, recordResources, inputs } from "../../helpers/run-component";
import { DEFAULTS } from "../../../model/defaults";

const T = {
  namespace: "kubernetes:core/v1:Namespace",
  sa: "kubernetes:core/v1:ServiceAccount",
  secret: "kubernetes:core/v1:Secret",
  role: "kubernetes:rbac.authorization.k8s.io/v1:Role",
  binding: "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
  quota: "kubernetes:core/v1:ResourceQuota",
  limits: "kubernetes:core/v1:LimitRange",
  projectVariable: "gitlab:index/projectVariable:ProjectVariable",
  groupVariable: "gitlab:index/groupVariable:GroupVariable",
};

const target: DeployTargetSpec = {
  application: "shop",
  environment: "production",
  project: "platform/shop",
  access: "kubeconfig",
  environmentScope: "production",
  namespace: "shop-prod",
  podSecurity: "restricted",
  deploys: ["Deployment", "Service"],
  prune: false,
  quota: { pods: "20" },
  containerDefaults: { limits: { memory: "256Mi" } },
};

describe("DeployTarget", function () {
  this.timeout(20000);
  let rs: RecordedResource[];
  before(async () => {
    rs = await recordResources(() => {
      const gitlab = gitlabProvider("gitlab", { url: "https://gitlab.example.com", token: "glpat-x" });
      new DeployTarget(
        "shop-production",
        {
          target,
          access: { mode: "kubeconfig", cluster: { server: "https://10.0.0.1:6443", caData: "Q0E=" } },
        },
        { provider: gitlab },
      );
    });
  });

  it("creates the namespace with its Pod Security level, quota and container defaults", () => {
    const ns = inputs(one(rs, T.namespace));
    assert.equal(ns.metadata.name, "shop-prod");
    assert.equal(ns.metadata.labels["pod-security.kubernetes.io/enforce"], "restricted");
    assert.deepEqual(inputs(one(rs, T.quota)).spec.hard, { pods: "20" });
    assert.deepEqual(inputs(one(rs, T.limits)).spec.limits[0].default, { memory: "256Mi" });
  });

  it("delivers the kubeconfig variable with the GitLab provider given in its resource options", () => {
    assert.match(one(rs, T.projectVariable).provider ?? "", /\$pulumi:providers:gitlab::gitlab::/);
  });

  it("labels every Kubernetes object it creates as deploy, which the policy pack keys on", () => {
    for (const r of rs.filter((x) => x.type.startsWith("kubernetes:"))) {
      assert.equal(inputs(r).metadata.labels[LABELS.component], COMPONENTS.deploy, r.name);
    }
  });

  it("binds the deployer's Role in the application's namespace only, to its own ServiceAccount", () => {
    const binding = inputs(one(rs, T.binding));
    assert.equal(binding.metadata.namespace, "shop-prod");
    assert.deepEqual(binding.roleRef, {
      apiGroup: "rbac.authorization.k8s.io",
      kind: "Role",
      name: "deployer",
    });
    assert.deepEqual(binding.subjects, [
      { kind: "ServiceAccount", name: "deployer", namespace: "shop-prod" },
    ]);
    assert.equal(inputs(one(rs, T.role)).metadata.namespace, "shop-prod");
    assert.equal(ofType(rs, "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding").length, 0);
  });

  it("mounts no token into pods and takes its token from a service-account-token Secret created after it", () => {
    const sa = one(rs, T.sa);
    assert.equal(inputs(sa).automountServiceAccountToken, false);
    const token = one(rs, T.secret);
    assert.equal(inputs(token).type, "kubernetes.io/service-account-token");
    assert.equal(inputs(token).metadata.annotations["kubernetes.io/service-account.name"], "deployer");
    assert.ok(token.dependencies.includes(sa.urn));
  });

  it("delivers the kubeconfig as the project's protected file variable KUBECONFIG for the environment, secret", () => {
    const variable = one(rs, T.projectVariable);
    const i = inputs(variable);
    assert.deepEqual(
      [i.project, i.key, i.variableType, i.protected, i.environmentScope],
      ["platform/shop", "KUBECONFIG", "file", true, "production"],
    );
    assert.ok(isSecretValue(i.value));
    assert.equal(variable.options.version, "10.1.1");
  });
});

describe("DeployTarget with the GitLab agent", function () {
  this.timeout(20000);
  let rs: RecordedResource[];
  before(async () => {
    rs = await recordResources(() => {
      new DeployTarget("inventory-staging", {
        target: {
          ...target,
          application: "inventory",
          environment: "staging",
          access: "agent",
          namespace: "inventory-staging",
          project: "platform/inventory",
          environmentScope: "Staging EU",
        },
        access: { mode: "agent", projectId: "4711" },
      });
    });
  });

  it("binds the deployer's Role to the group of the project's jobs in that environment, by its slug", () => {
    const binding = inputs(one(rs, T.binding));
    assert.equal(binding.metadata.namespace, "inventory-staging");
    assert.deepEqual(binding.roleRef, {
      apiGroup: "rbac.authorization.k8s.io",
      kind: "Role",
      name: "deployer",
    });
    assert.deepEqual(binding.subjects, [
      {
        apiGroup: "rbac.authorization.k8s.io",
        kind: "Group",
        name: "gitlab:project_env:4711:staging-eu-61pnuv",
      },
    ]);
  });

  it("creates no ServiceAccount, no token Secret and no CI/CD variable", () => {
    assert.deepEqual(
      rs
        .filter((r) => [T.sa, T.secret, T.projectVariable, T.groupVariable].includes(r.type))
        .map((r) => r.name),
      [],
    );
  });

  it("names the project and GitLab environment it serves on its namespace", () => {
    const ns = inputs(one(rs, T.namespace));
    assert.equal(ns.metadata.annotations[ANNOTATIONS.agentAccess], "platform/inventory:Staging EU");
  });

  it("refuses arguments of the other access mode", async () => {
    await assert.rejects(
      recordResources(() => new DeployTarget("mixed", { target, access: { mode: "agent", projectId: "1" } })),
      /access is kubeconfig, but the arguments are for agent/,
    );
  });
});

describe("CiVariables", function () {
  this.timeout(20000);
  it("creates each credential variable on its group or project with the value as a secret", async () => {
    const rs = await recordResources(() => {
      const gitlab = gitlabProvider("gitlab", { url: "https://gitlab.example.com", token: "glpat-x" });
      const common = {
        masked: true,
        hidden: true,
        protected: true,
        variableType: "env_var" as const,
        raw: false,
        credential: true,
      };
      new CiVariables(
        "variables",
        {
          variables: [
            {
              ...common,
              owner: { kind: "group", path: "platform" },
              key: "A_TOKEN",
              value: "abcdefgh",
              environmentScope: "*",
            },
            {
              ...common,
              owner: { kind: "project", path: "platform/shop" },
              key: "A_TOKEN",
              value: "abcdefgh",
              environmentScope: "production",
            },
          ],
        },
        { provider: gitlab },
      );
    });
    const group = inputs(one(rs, T.groupVariable));
    const project = inputs(one(rs, T.projectVariable));
    assert.equal(group.group, "platform");
    assert.equal(project.project, "platform/shop");
    assert.equal(project.environmentScope, "production");
    for (const v of [group, project]) {
      assert.ok(isSecretValue(v.value));
      assert.deepEqual([v.masked, v.hidden, v.protected], [true, true, true]);
    }
    for (const r of [one(rs, T.groupVariable), one(rs, T.projectVariable)])
      assert.deepEqual(r.options.additionalSecretOutputs, ["value"]);
  });

  it("keeps a plain (non-credential) value plain in inputs and state, so a review can tell it from a credential", async () => {
    const rs = await recordResources(() => {
      const gitlab = gitlabProvider("gitlab", { url: "https://gitlab.example.com", token: "glpat-x" });
      new CiVariables(
        "variables",
        {
          variables: [
            {
              owner: { kind: "project", path: "platform/shop" },
              key: "LOG_LEVEL",
              value: "debug",
              environmentScope: "*",
              masked: false,
              hidden: false,
              protected: false,
              variableType: "env_var",
              raw: false,
              credential: false,
            },
          ],
        },
        { provider: gitlab },
      );
    });
    const variable = one(rs, T.projectVariable);
    assert.equal(inputs(variable).value, "debug");
    assert.deepEqual(variable.options.additionalSecretOutputs, []);
  });
});

describe("DeployTarget on a created cluster (ACK Serverless)", function () {
  this.timeout(20000);

  it("writes the created cluster's own API server and CA into the kubeconfig, no stack setting needed", async () => {
    const rs = await recordResources(() => {
      const gitlab = gitlabProvider("gitlab", { url: "https://gitlab.example.com", token: "glpat-x" });
      const cluster = new AckServerlessCluster("cluster", {
        clusterName: "prod",
        clusterSpec: "ack.pro.small",
        serviceCidr: "172.21.0.0/20",
        endpointPublicAccess: false,
        deletionProtection: true,
        tags: {},
        network: { existing: { vpcId: "vpc-1", vswitchIds: ["vsw-1"] } },
        kubeClient: DEFAULTS.cluster.kubeClient,
      });
      new DeployTarget(
        "shop-production",
        { target, access: { mode: "kubeconfig", cluster: cluster.endpoint } },
        { provider: gitlab },
      );
    });
    const value = inputs(one(rs, T.projectVariable)).value as { value: string };
    assert.ok(isSecretValue(value));
    const kubeconfig = parse(value.value);
    const [entry] = kubeconfig.clusters;
    // What the cluster's credential names (synth's stand-in for ACK's answer), not a value from the stack file.
    assert.equal(entry.cluster.server, "https://192.0.2.10:6443");
    assert.match(
      Buffer.from(entry.cluster["certificate-authority-data"], "base64").toString(),
      /BEGIN CERTIFICATE/,
    );
  });
});
