import { strict as assert } from "node:assert";
import {
  DEPLOYABLE_KIND_NAMES,
  agentSubjectGroup,
  deployRoleRules,
  planDeployTarget,
  readAgentAccessAnnotation,
  type DeployTargetPlan,
  type DeployTargetSpec,
  type KubeconfigAccessPlan,
} from "../../../../model/deploy";

/** The kubeconfig access of a plan (the spec above asks for it). */
function kubeconfigOf(plan: DeployTargetPlan): KubeconfigAccessPlan {
  assert.equal(plan.access.mode, "kubeconfig");
  return plan.access as KubeconfigAccessPlan;
}

const spec: DeployTargetSpec = {
  application: "shop",
  environment: "production",
  project: "platform/shop",
  access: "kubeconfig",
  environmentScope: "production",
  namespace: "shop-prod",
  podSecurity: "restricted",
  deploys: ["Deployment", "Service", "ConfigMap"],
  prune: false,
};

const verbsOn = (rules: ReturnType<typeof deployRoleRules>, resource: string) =>
  rules.filter((r) => r.resources.includes(resource)).flatMap((r) => r.verbs);

describe("deployRoleRules", () => {
  it("grants what kubectl apply needs on exactly the kinds the application deploys", () => {
    const rules = deployRoleRules(["Deployment", "Service"], false);
    assert.deepEqual(verbsOn(rules, "deployments"), ["create", "get", "list", "patch", "update", "watch"]);
    assert.deepEqual(verbsOn(rules, "services"), ["create", "get", "list", "patch", "update", "watch"]);
    assert.deepEqual(verbsOn(rules, "secrets"), []);
    assert.deepEqual(verbsOn(rules, "ingresses"), []);
  });

  it("adds the reads rollout status needs when a workload is deployed, and only then", () => {
    const rules = deployRoleRules(["Deployment"], false);
    for (const resource of ["replicasets", "pods", "pods/log", "events"]) {
      assert.deepEqual(verbsOn(rules, resource), ["get", "list", "watch"], resource);
    }
    assert.deepEqual(verbsOn(deployRoleRules(["ConfigMap"], false), "pods"), []);
  });

  it("grants delete only when pruning", () => {
    assert.ok(!verbsOn(deployRoleRules(["Deployment"], false), "deployments").includes("delete"));
    assert.ok(verbsOn(deployRoleRules(["Deployment"], true), "deployments").includes("delete"));
  });

  it("never grants a wildcard, escalate, bind or impersonate, whatever is deployed", () => {
    for (const rule of deployRoleRules(DEPLOYABLE_KIND_NAMES, true)) {
      for (const word of [...rule.apiGroups, ...rule.resources, ...rule.verbs]) assert.notEqual(word, "*");
      for (const verb of ["escalate", "bind", "impersonate"]) assert.ok(!rule.verbs.includes(verb));
      assert.ok(!rule.resources.some((r) => /roles|rolebindings|serviceaccounts/.test(r)));
    }
  });
});

describe("planDeployTarget", () => {
  it("delivers the kubeconfig as a protected file variable KUBECONFIG of the project, scoped to the environment", () => {
    const { variable } = kubeconfigOf(planDeployTarget(spec));
    assert.deepEqual(
      {
        owner: variable.owner,
        key: variable.key,
        type: variable.variableType,
        protected: variable.protected,
        scope: variable.environmentScope,
      },
      {
        owner: { kind: "project", path: "platform/shop" },
        key: "KUBECONFIG",
        type: "file",
        protected: true,
        scope: "production",
      },
    );
  });

  it("names the deployer, its Role and token in the application's namespace", () => {
    const plan = planDeployTarget(spec);
    const access = kubeconfigOf(plan);
    assert.equal(plan.namespace, "shop-prod");
    assert.equal(access.serviceAccount, "deployer");
    assert.equal(access.tokenSecret, "deployer-token");
    assert.equal(access.contextName, "shop-prod-deployer");
    assert.equal(plan.target, "shop/production");
  });

  it("gives the token Secret a new name when tokenRotation changes, so pulumi up replaces it", () => {
    const token = (rotation: string) =>
      kubeconfigOf(planDeployTarget({ ...spec, tokenRotation: rotation })).tokenSecret;
    assert.equal(token("2026-11"), "deployer-token-2026-11");
    assert.notEqual(token("2026-11"), token("2027-05"));
    assert.match(token("Rotated: May!"), /^[a-z0-9-]+$/);
  });

  it("with the agent: no deployer, no variable; the GitLab environment, its slug and the group its jobs carry", () => {
    const plan = planDeployTarget({ ...spec, access: "agent", environmentScope: "production" });
    assert.deepEqual(plan.access, {
      mode: "agent",
      project: "platform/shop",
      gitlabEnvironment: "production",
      environmentSlug: "production",
      annotation: "platform/shop:production",
    });
    assert.equal(
      plan.access.mode === "agent" && agentSubjectGroup(plan.access, 42),
      "gitlab:project_env:42:production",
    );
    assert.deepEqual(plan.roleRules, planDeployTarget(spec).roleRules);
  });

  it("reads back the project and GitLab environment its namespace annotation names, a name with / included", () => {
    const plan = planDeployTarget({ ...spec, access: "agent", environmentScope: "review/main" });
    assert.ok(plan.access.mode === "agent");
    assert.deepEqual(readAgentAccessAnnotation(plan.access.annotation), {
      project: "platform/shop",
      gitlabEnvironment: "review/main",
    });
  });
});
