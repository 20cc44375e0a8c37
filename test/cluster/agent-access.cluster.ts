import { strict as assert } from "node:assert";
import { stringify } from "yaml";
import {
  CI_JOB_EXTRA_KEYS,
  ciJobIdentity,
  ENVIRONMENT_TIERS,
  type EnvironmentTier,
  type Identity,
} from "../../model/agent";
import { AccessCheck, can, describeCheck, extraRulesAcross } from "./harness/access";
import { agentToken, deployedAgent, kubectlAsAgent, type DeployedAgent } from "./harness/agent";
import { cluster, startControllerManager } from "./harness/cluster";
import { Deployment, deployStack } from "./harness/deploy";
import { deployedFleets } from "./harness/fleets";
import { Kubectl } from "./harness/kubectl";
import { KubeObject } from "./harness/objects";
import { webDeployment } from "./harness/workloads";
import { record } from "./harness/timings";

const applyAs = (kubectl: Kubectl, object: KubeObject) =>
  kubectl.run(["apply", "-f", "-"], stringify(object));
/** Without kubectl's own schema download, which an identity the API server refuses cannot make either. */
const applyUnvalidated = (kubectl: Kubectl, object: KubeObject) =>
  kubectl.run(["apply", "--validate=false", "-f", "-"], stringify(object));
const serviceAccountUser = (namespace: string, name: string) => `system:serviceaccount:${namespace}:${name}`;

/** A job of the agent's configuration project (id 8 in these tests), as GitLab's agent server describes it. */
const JOB_OF_CONFIG_PROJECT = {
  jobId: 2,
  pipelineId: 2,
  username: "mallory",
  projectId: 8,
  environment: { slug: "dev", tier: "development" as const },
  agentId: 7,
  configProjectId: 8,
};

describe("the GitLab agent on a real API server: agentk impersonating CI/CD jobs (stack dev)", () => {
  let deployment: Deployment;
  let agent: DeployedAgent;
  let token: string;
  let ns: { dev: string; staging: string; shop: string; runner: string; jobs: string[]; agent: string };
  /** The job GitLab's agent server describes for platform/inventory in an environment. */
  let job: (slug: string, tier?: EnvironmentTier) => Identity;
  let started = 0;

  before(async () => {
    await startControllerManager();
    deployment = await deployStack("dev");
    const map = (name: string) => deployment.namespaces.map(name);
    ns = {
      dev: map("inventory-dev"),
      staging: map("inventory-staging"),
      shop: map("shop-dev"),
      runner: map("gitlab-runner"),
      jobs: deployedFleets(deployment).map((f) => f.jobNamespace),
      agent: map("gitlab-agent"),
    };
    agent = deployedAgent(deployment, ns.dev);
    started = Date.now();
    token = await agentToken(agent);
    job = (slug, tier = "development") =>
      ciJobIdentity({
        jobId: 1074499489,
        pipelineId: 4242,
        username: "alice",
        projectId: agent.projectId,
        groupIds: agent.groupIds,
        environment: { slug, tier },
        agentId: 7,
        configProjectId: 8,
      });
  });

  after(() => {
    if (started) record("agent access proof (token to last refusal)", Date.now() - started);
  });

  it("the job of platform/inventory in dev, impersonated as GitLab sends it, applies a Deployment in inventory-dev", async () => {
    const asJob = kubectlAsAgent(token, job("dev"));
    const whoami = await asJob.json<{ status: { userInfo: { username: string; groups: string[] } } }>([
      "auth",
      "whoami",
    ]);
    assert.equal(whoami.status.userInfo.username, "gitlab:ci_job:1074499489");
    assert.ok(whoami.status.userInfo.groups.includes(`gitlab:project_env:${agent.projectId}:dev`));
    const applied = await applyAs(asJob, webDeployment(ns.dev));
    assert.equal(applied.code, 0, applied.stderr);
  });

  it("and watches its rollout: rollout status reports progress (no nodes, so it never completes)", async () => {
    const asJob = kubectlAsAgent(token, job("dev"));
    const snapshot = await asJob.run(["rollout", "status", "deployment/web", "-n", ns.dev, "--watch=false"]);
    assert.equal(snapshot.code, 0, snapshot.stderr);
    assert.match(
      snapshot.stdout,
      /Waiting for deployment (spec update to be observed|"web" rollout to finish)/,
    );
    const watched = await asJob.run(["rollout", "status", "deployment/web", "-n", ns.dev, "--timeout=2s"]);
    assert.doesNotMatch(watched.stderr, /forbidden/i);
    assert.match(watched.stderr, /timed out waiting for the condition/);
  });

  it("works for every deployment tier a job may choose: agentk may impersonate each tier's groups", async () => {
    for (const tier of ENVIRONMENT_TIERS) {
      const asJob = kubectlAsAgent(token, job("dev", tier));
      const result = await asJob.run(["auth", "can-i", "patch", "deployments.apps", "-n", ns.dev]);
      assert.equal(result.stdout.trim(), "yes", `${tier}: ${result.stderr}`);
    }
  });

  it("is refused in every other namespace: the other environment's, another application's, the runner, job and agent namespaces", async () => {
    const asJob = kubectlAsAgent(token, job("dev"));
    for (const namespace of [
      ns.staging,
      ns.shop,
      ns.runner,
      ...ns.jobs,
      ns.agent,
      "default",
      "kube-system",
    ]) {
      const result = await applyAs(asJob, webDeployment(namespace));
      assert.notEqual(result.code, 0, `applied a Deployment in ${namespace}`);
      assert.match(result.stderr, /forbidden/i, namespace);
      const secrets = await asJob.run(["get", "secrets", "-n", namespace]);
      assert.match(secrets.stderr, /forbidden/i, `secrets in ${namespace}`);
    }
  });

  it("is refused cluster-wide", async () => {
    const asJob = kubectlAsAgent(token, job("dev"));
    for (const args of [
      ["get", "namespaces"],
      ["get", "deployments", "--all-namespaces"],
      ["get", "clusterroles"],
    ])
      assert.match((await asJob.run(args)).stderr, /forbidden/i, args.join(" "));
  });

  it("the staging job deploys in inventory-staging only", async () => {
    const asStaging = kubectlAsAgent(token, job("staging"));
    assert.equal((await applyAs(asStaging, webDeployment(ns.staging))).code, 0);
    assert.match((await applyAs(asStaging, webDeployment(ns.dev))).stderr, /forbidden/i);
  });

  it("another project's job, the configuration project's own, or an environment the stack does not serve, is refused everywhere: agentk may not impersonate its groups", async () => {
    const other: Identity = ciJobIdentity({
      jobId: 1,
      pipelineId: 1,
      username: "mallory",
      projectId: agent.projectId + 1,
      groupIds: agent.groupIds,
      environment: { slug: "dev", tier: "development" },
      agentId: 7,
      configProjectId: 8,
    });
    // The configuration project's jobs: ci_access lists it as ci_job, so GitLab impersonates them (not agentk).
    const configJob = ciJobIdentity({ ...JOB_OF_CONFIG_PROJECT, groupIds: agent.groupIds });
    for (const identity of [other, configJob, job("production", "production")]) {
      const asJob = kubectlAsAgent(token, identity);
      for (const namespace of [ns.dev, ns.staging, ns.shop, ns.runner]) {
        const result = await applyUnvalidated(asJob, webDeployment(namespace));
        assert.notEqual(result.code, 0, `${identity.groups.join(",")} in ${namespace}`);
        assert.match(result.stderr, /cannot impersonate resource "groups"/, `${namespace}: ${result.stderr}`);
      }
    }
  });

  describe("agentk's own ServiceAccount", () => {
    let user: string;
    before(() => {
      user = serviceAccountUser(agent.namespace, agent.serviceAccount);
    });

    it("holds nothing but its impersonation rules, which apply cluster-wide, in any namespace, its own included", async () => {
      const everywhere = [...deployment.namespaces.all(), "default", "kube-system", "cluster-test-unrelated"];
      const rules = await extraRulesAcross(cluster().kubectl, user, everywhere);
      const impersonation = rules.filter((r) => / impersonate /.test(` ${r.split(": ")[1]} `));
      assert.deepEqual(
        rules.filter((r) => !impersonation.includes(r)),
        [],
      );
      const inOwn = impersonation
        .filter((r) => r.startsWith(`${agent.namespace}: `))
        .map((r) => r.split(": ")[1]);
      assert.deepEqual(
        inOwn.map((r) => r.replace(/ \[.*\]$/, "")).sort(),
        [
          ...CI_JOB_EXTRA_KEYS.map((k) => `impersonate authentication.k8s.io/userextras/${k}`),
          "impersonate core/groups",
          "impersonate core/users",
        ].sort(),
      );
    });

    it("cannot create RBAC, read Secrets or list anything cluster-wide", async () => {
      const never: AccessCheck[] = [
        { verb: "create", resource: "clusterrolebindings" },
        { verb: "create", resource: "roles", namespace: agent.namespace },
        { verb: "create", resource: "rolebindings", namespace: ns.dev },
        { verb: "escalate", resource: "clusterroles" },
        { verb: "bind", resource: "clusterroles" },
        { verb: "get", resource: "secrets", namespace: ns.runner },
        { verb: "list", resource: "secrets" },
        { verb: "get", resource: "secrets", namespace: agent.namespace },
        { verb: "list", resource: "pods" },
        { verb: "create", resource: "serviceaccounts", subresource: "token", namespace: ns.runner },
      ];
      for (const check of never)
        assert.equal(await can(cluster().kubectl, user, check), false, describeCheck(check));
    });

    it("cannot impersonate system:masters, a ServiceAccount, or a UID", async () => {
      const asAgent = kubectlAsAgent(token);
      const manager = deployedFleets(deployment)[0];
      const attempts = [
        ["--as=gitlab:ci_job:1", "--as-group=system:masters"],
        [`--as=${serviceAccountUser(manager.managerNamespace, manager.managerServiceAccount)}`],
        ["--as=gitlab:ci_job:1", "--as-uid=1"],
      ];
      for (const flags of attempts) {
        const result = await asAgent.run(["get", "secrets", "-n", ns.runner, ...flags]);
        assert.match(result.stderr, /cannot impersonate/, flags.join(" "));
      }
    });

    it("as agentk itself (access_as: agent), a job can do nothing", async () => {
      const asAgent = kubectlAsAgent(token);
      assert.match((await applyAs(asAgent, webDeployment(ns.dev))).stderr, /forbidden/i);
    });
  });

  describe("the residual trust docs/agent.md names", () => {
    it("agentk may impersonate any user name (RBAC names no prefix), with no group of its own choosing", async () => {
      const asAgent = kubectlAsAgent(token);
      const result = await asAgent.run(["auth", "whoami", "--as=gitlab:ci_job:99", "-o", "json"]);
      assert.equal(result.code, 0, result.stderr);
      const { userInfo } = (JSON.parse(result.stdout) as { status: { userInfo: { groups?: string[] } } })
        .status;
      assert.deepEqual(
        userInfo.groups,
        ["system:authenticated"],
        "the API server adds only system:authenticated",
      );
    });

    it("so the user names the API server's own bindings grant are within its reach: exactly these on a new cluster", async () => {
      const users = new Set<string>();
      for (const kind of ["clusterrolebindings", "rolebindings"]) {
        const list = await cluster().kubectl.json<{
          items: { subjects?: { kind: string; name: string }[] }[];
        }>(["get", kind, "--all-namespaces"]);
        for (const item of list.items)
          for (const s of item.subjects ?? []) if (s.kind === "User") users.add(s.name);
      }
      assert.deepEqual([...users].sort(), [
        "system:kube-controller-manager",
        "system:kube-proxy",
        "system:kube-scheduler",
      ]);
      const asAgent = kubectlAsAgent(token);
      const reach = await asAgent.run([
        "auth",
        "can-i",
        "get",
        "secrets",
        "-n",
        ns.runner,
        "--as=system:kube-controller-manager",
      ]);
      assert.equal(reach.stdout.trim(), "yes", reach.stderr);
    });
  });
});
