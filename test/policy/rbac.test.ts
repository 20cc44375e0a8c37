import * as assert from "node:assert/strict";
import {
  rbacDeployAccessScoped,
  rbacNoClusterWideBindings,
  rbacNoEscalationVerbs,
  rbacNoWildcards,
  rbacRunnerRoleWithinTable,
} from "../../policy/rules/rbac";
import { rbacRunnerBindingsScoped } from "../../policy/rules/rbac-bindings";
import { UNKNOWN } from "../../policy/view";
import { assertFlags, assertPasses, violations } from "./check";
import { passingStack, replace, resourceWith, runnerRole, runnerRoleBinding, view } from "./fixtures";

const ROLE_TYPE = "kubernetes:rbac.authorization.k8s.io/v1:Role";

function deployBinding(namespace: string, subjectNamespace = namespace) {
  return view("kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", "shop-deploy", {
    metadata: { name: "shop-deploy", namespace, labels: { "app.kubernetes.io/component": "deploy" } },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "shop-deploy" },
    subjects: [{ kind: "ServiceAccount", name: "shop-deploy", namespace: subjectNamespace }],
  });
}

describe("policy: RBAC", () => {
  it("the platform's runner Role and RoleBinding pass every RBAC rule", () => {
    for (const rule of [
      rbacNoClusterWideBindings,
      rbacNoWildcards,
      rbacNoEscalationVerbs,
      rbacRunnerRoleWithinTable,
      rbacDeployAccessScoped,
    ]) {
      assertPasses(rule, passingStack());
    }
  });

  it("a ClusterRoleBinding is flagged whatever it binds", () => {
    const binding = view("kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding", "runner-crb", {
      roleRef: { kind: "ClusterRole", name: "gitlab-runner" },
      subjects: [{ kind: "ServiceAccount", name: "gitlab-runner", namespace: "gitlab-runner" }],
    });
    assertFlags(rbacNoClusterWideBindings, [binding], { resource: "runner-crb", mentions: /cluster-wide/ });
  });

  it("a RoleBinding to cluster-admin, admin or edit is flagged; to a Role it is not", () => {
    for (const name of ["cluster-admin", "admin", "edit"]) {
      const binding = resourceWith(runnerRoleBinding(), "roleRef", { kind: "ClusterRole", name });
      assertFlags(rbacNoClusterWideBindings, [binding], {
        resource: "build-rolebinding",
        mentions: new RegExp(`"${name}"`),
      });
    }
    assertPasses(rbacNoClusterWideBindings, [runnerRoleBinding()]);
  });

  for (const key of ["apiGroups", "resources", "verbs"]) {
    it(`a "*" in ${key} of any rule is flagged`, () => {
      const role = resourceWith(runnerRole(), `rules.1.${key}`, ["*"]);
      assertFlags(rbacNoWildcards, [role], {
        resource: "build-role",
        mentions: new RegExp(`rules\\[1\\]\\.${key}`),
      });
    });
  }

  it('a "*" in nonResourceURLs of a ClusterRole is flagged', () => {
    const role = view("kubernetes:rbac.authorization.k8s.io/v1:ClusterRole", "metrics-reader", {
      rules: [{ nonResourceURLs: ["*"], verbs: ["get"] }],
    });
    assertFlags(rbacNoWildcards, [role], { resource: "metrics-reader", mentions: /nonResourceURLs/ });
  });

  for (const verb of ["escalate", "bind", "impersonate"]) {
    it(`the ${verb} verb is flagged`, () => {
      const role = view(ROLE_TYPE, "helper", {
        rules: [{ apiGroups: ["rbac.authorization.k8s.io"], resources: ["roles"], verbs: ["get", verb] }],
      });
      assertFlags(rbacNoEscalationVerbs, [role], { resource: "helper", mentions: new RegExp(`"${verb}"`) });
    });
  }

  it("a runner Role granting a verb outside GitLab's permission table is flagged", () => {
    const role = resourceWith(runnerRole(), "rules.5.verbs", ["create", "delete", "get", "update", "list"]);
    assertFlags(rbacRunnerRoleWithinTable, [role], { resource: "build-role", mentions: /list secrets/ });
  });

  it("a runner Role granting a resource outside the table (configmaps, deployments) is flagged", () => {
    const role = resourceWith(runnerRole(), "rules.0", {
      apiGroups: [""],
      resources: ["configmaps"],
      verbs: ["get"],
    });
    assertFlags(rbacRunnerRoleWithinTable, [role], { resource: "build-role", mentions: /get configmaps/ });
    const apps = resourceWith(runnerRole(), "rules.0", {
      apiGroups: ["apps"],
      resources: ["deployments"],
      verbs: ["get"],
    });
    assertFlags(rbacRunnerRoleWithinTable, [apps], { resource: "build-role", mentions: /core group/ });
  });

  it("a Role of another identity is not judged against the runner table", () => {
    const role = view(ROLE_TYPE, "app-reader", {
      metadata: { name: "app-reader" },
      rules: [{ apiGroups: [""], resources: ["configmaps"], verbs: ["get"] }],
    });
    assert.deepEqual(violations(rbacRunnerRoleWithinTable, [role]), []);
  });

  it("deploy access in the application's own namespace passes", () => {
    assertPasses(rbacDeployAccessScoped, [...passingStack(), deployBinding("shop")]);
  });

  it("deploy access into a runner job namespace or the manager namespace is flagged", () => {
    for (const ns of ["ci-build", "gitlab-runner"]) {
      assertFlags(rbacDeployAccessScoped, [...passingStack(), deployBinding(ns)], {
        resource: "shop-deploy",
        mentions: new RegExp(`"${ns}"`),
      });
    }
  });

  it("deploy access granted to a service account of another namespace is flagged", () => {
    assertFlags(rbacDeployAccessScoped, [...passingStack(), deployBinding("shop", "other")], {
      resource: "shop-deploy",
      mentions: /service accounts of other/,
    });
  });

  it("a runner manager bound only where its fleet runs jobs passes", () => {
    assertPasses(rbacRunnerBindingsScoped, passingStack());
  });

  it("a runner manager bound in a namespace where its fleet runs no jobs is flagged", () => {
    const elsewhere = resourceWith(runnerRoleBinding(), "metadata.namespace", "shop");
    assertFlags(rbacRunnerBindingsScoped, replace(passingStack(), elsewhere), {
      resource: "build-rolebinding",
      mentions: /in namespace "shop", where its fleet runs no jobs.*bind it only in ci-build/,
    });
  });

  it("a fleet whose jobs run in the manager namespace (beside the runner tokens) is flagged", () => {
    const config = passingStack().find((r) => r.name === "build-config")!;
    const toml = String((config.props.data as Record<string, string>)["config.toml"]).replace(
      'namespace = "ci-build"',
      'namespace = "gitlab-runner"',
    );
    const inManagerNamespace = resourceWith(config, "data", { "config.toml": toml });
    const binding = resourceWith(runnerRoleBinding(), "metadata.namespace", "gitlab-runner");
    assertFlags(rbacRunnerBindingsScoped, replace(replace(passingStack(), inManagerNamespace), binding), {
      resource: "build-rolebinding",
      mentions: /"gitlab-runner", which holds runner tokens/,
    });
  });

  it("a binding whose subjects are unknown at preview is reported as could not check", () => {
    const unknown = resourceWith(runnerRoleBinding(), "subjects", UNKNOWN);
    assertFlags(rbacRunnerBindingsScoped, replace(passingStack(), unknown), {
      resource: "build-rolebinding",
      mentions: /subjects are unknown at preview/,
      couldNotCheck: true,
    });
  });

  it("rules, a role reference or deploy subjects unknown at preview are reported as could not check", () => {
    const role = resourceWith(runnerRole(), "rules", UNKNOWN);
    for (const rule of [rbacNoWildcards, rbacNoEscalationVerbs, rbacRunnerRoleWithinTable]) {
      assertFlags(rule, [role], {
        resource: "build-role",
        mentions: /rules is unknown/,
        couldNotCheck: true,
      });
    }
    assertFlags(rbacNoClusterWideBindings, [resourceWith(runnerRoleBinding(), "roleRef.name", UNKNOWN)], {
      resource: "build-rolebinding",
      mentions: /roleRef is unknown/,
      couldNotCheck: true,
    });
    assertFlags(
      rbacDeployAccessScoped,
      [...passingStack(), resourceWith(deployBinding("shop"), "subjects", UNKNOWN)],
      {
        resource: "shop-deploy",
        mentions: /subjects is unknown/,
        couldNotCheck: true,
      },
    );
  });
});
