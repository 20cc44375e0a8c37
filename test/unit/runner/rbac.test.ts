import { strict as assert } from "node:assert";
import { rbacFeatures, runnerRoleRules } from "../../../components/runner";

const verbsOf = (rules: ReturnType<typeof runnerRoleRules>) =>
  Object.fromEntries(rules.map((r) => [r.resources[0], r.verbs]));

describe("runner Role computed from enabled features", () => {
  it("attach strategy (default): exactly GitLab's table", () => {
    const rules = runnerRoleRules(rbacFeatures(undefined, undefined));
    assert.deepEqual(verbsOf(rules), {
      configmaps: ["create", "delete", "get", "update"],
      pods: ["create", "delete", "get", "watch"],
      "pods/attach": ["create", "delete", "patch"],
      "pods/exec": ["create", "delete", "patch"],
      secrets: ["create", "delete", "get", "update"],
      services: ["create", "delete", "get", "watch"],
    });
  });

  it("exec strategy only with FF_USE_LEGACY_KUBERNETES_EXECUTION_STRATEGY", () => {
    const rules = runnerRoleRules(rbacFeatures({ FF_USE_LEGACY_KUBERNETES_EXECUTION_STRATEGY: true }, 0));
    assert.deepEqual(verbsOf(rules), {
      pods: ["create", "delete", "get", "list", "patch", "watch"],
      "pods/exec": ["create", "delete", "patch"],
      secrets: ["create", "delete", "get", "list", "patch", "update", "watch"],
      services: ["create", "delete", "get", "list", "patch", "watch"],
    });
  });

  it("serviceaccounts get only when the resource availability check is on", () => {
    assert.ok(!("serviceaccounts" in verbsOf(runnerRoleRules(rbacFeatures({}, 0)))));
    assert.deepEqual(verbsOf(runnerRoleRules(rbacFeatures({}, 5))).serviceaccounts, ["get"]);
  });

  it("events list/watch only when pod events are printed", () => {
    assert.deepEqual(verbsOf(runnerRoleRules(rbacFeatures({ FF_PRINT_POD_EVENTS: true }, 0))).events, [
      "list",
      "watch",
    ]);
  });

  it("never grants a wildcard or another API group, for any combination of features", () => {
    for (const legacy of [false, true]) {
      for (const events of [false, true]) {
        for (const attempts of [0, 3]) {
          const rules = runnerRoleRules(
            rbacFeatures(
              { FF_USE_LEGACY_KUBERNETES_EXECUTION_STRATEGY: legacy, FF_PRINT_POD_EVENTS: events },
              attempts,
            ),
          );
          for (const r of rules) {
            assert.deepEqual(r.apiGroups, [""]);
            assert.ok(!r.resources.includes("*") && !r.verbs.includes("*"));
          }
        }
      }
    }
  });
});
