import { strict as assert } from "node:assert";
import {
  DEPLOYABLE_KIND_NAMES,
  deployRoleRules,
  planDeployTarget,
  type DeployTargetSpec,
} from "../../../../model/deploy";

const spec: DeployTargetSpec = {
  application: "shop",
  environment: "production",
  project: "platform/shop",
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
    const { variable } = planDeployTarget(spec);
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
    assert.equal(plan.namespace, "shop-prod");
    assert.equal(plan.serviceAccount, "deployer");
    assert.equal(plan.tokenSecret, "deployer-token");
    assert.equal(plan.contextName, "shop-prod-deployer");
    assert.equal(plan.target, "shop/production");
  });

  it("gives the token Secret a new name when tokenRotation changes, so pulumi up replaces it", () => {
    const a = planDeployTarget({ ...spec, tokenRotation: "2026-11" }).tokenSecret;
    const b = planDeployTarget({ ...spec, tokenRotation: "2027-05" }).tokenSecret;
    assert.equal(a, "deployer-token-2026-11");
    assert.notEqual(a, b);
    assert.match(planDeployTarget({ ...spec, tokenRotation: "Rotated: May!" }).tokenSecret, /^[a-z0-9-]+$/);
  });
});
