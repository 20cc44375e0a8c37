import { strict as assert } from "node:assert";
import { rbacFeatures, runnerRoleRules } from "../../../../model/fleet";

const verbsOf = (rules: ReturnType<typeof runnerRoleRules>) =>
  Object.fromEntries(rules.map((r) => [r.resources[0], r.verbs]));

describe("runner Role computed from enabled features", () => {
  it("attach strategy (default): GitLab's table for runner 17.9+, with pod warning events", () => {
    assert.deepEqual(verbsOf(runnerRoleRules(rbacFeatures(undefined, {}))), {
      events: ["list"],
      pods: ["create", "delete", "get", "list", "watch"],
      "pods/attach": ["create", "delete", "get", "patch"],
      "pods/exec": ["create", "delete", "get", "patch"],
      "pods/log": ["get", "list"],
      secrets: ["create", "delete", "get", "update"],
      services: ["create", "get"],
    });
  });

  it("exec strategy only with FF_USE_LEGACY_KUBERNETES_EXECUTION_STRATEGY: no attach, no logs", () => {
    const rules = verbsOf(
      runnerRoleRules(rbacFeatures({ FF_USE_LEGACY_KUBERNETES_EXECUTION_STRATEGY: true }, {})),
    );
    assert.equal(rules["pods/attach"], undefined);
    assert.equal(rules["pods/log"], undefined);
    assert.deepEqual(rules["pods/exec"], ["create", "delete", "get", "patch"]);
  });

  it("pods/log under the exec strategy only for the features that read logs", () => {
    const legacy = { FF_USE_LEGACY_KUBERNETES_EXECUTION_STRATEGY: true };
    const honor = verbsOf(
      runnerRoleRules(rbacFeatures({ ...legacy, FF_KUBERNETES_HONOR_ENTRYPOINT: true }, {})),
    );
    assert.deepEqual(honor["pods/log"], ["get", "list"]);
    const reach = verbsOf(
      runnerRoleRules(rbacFeatures({ ...legacy, FF_WAIT_FOR_POD_TO_BE_REACHABLE: true }, {})),
    );
    assert.deepEqual(reach["pods/log"], ["get"]);
  });

  it("serviceaccounts get only when the resource availability check is on", () => {
    assert.equal(
      verbsOf(runnerRoleRules(rbacFeatures({}, { resourceAvailabilityCheckMaxAttempts: 0 }))).serviceaccounts,
      undefined,
    );
    assert.deepEqual(
      verbsOf(runnerRoleRules(rbacFeatures({}, { resourceAvailabilityCheckMaxAttempts: 5 }))).serviceaccounts,
      ["get"],
    );
  });

  it("events: list unless pod warning events are off, watch only when pod events are printed", () => {
    assert.equal(
      verbsOf(runnerRoleRules(rbacFeatures({}, { printPodWarningEvents: false }))).events,
      undefined,
    );
    assert.deepEqual(verbsOf(runnerRoleRules(rbacFeatures({ FF_PRINT_POD_EVENTS: true }, {}))).events, [
      "list",
      "watch",
    ]);
  });

  it("never grants a wildcard, another API group, namespaces or configmaps, for any combination of features", () => {
    const flags = [
      "FF_USE_LEGACY_KUBERNETES_EXECUTION_STRATEGY",
      "FF_KUBERNETES_HONOR_ENTRYPOINT",
      "FF_WAIT_FOR_POD_TO_BE_REACHABLE",
      "FF_PRINT_POD_EVENTS",
    ];
    for (let mask = 0; mask < 1 << flags.length; mask++) {
      const ff = Object.fromEntries(flags.map((f, i) => [f, (mask & (1 << i)) !== 0]));
      for (const attempts of [0, 3]) {
        for (const r of runnerRoleRules(
          rbacFeatures(ff, { resourceAvailabilityCheckMaxAttempts: attempts }),
        )) {
          assert.deepEqual(r.apiGroups, [""]);
          assert.ok(!r.resources.includes("*") && !r.verbs.includes("*"));
          assert.ok(!["namespaces", "configmaps"].includes(r.resources[0]));
        }
      }
    }
  });
});
