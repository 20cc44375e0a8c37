import * as assert from "node:assert/strict";
import { analyzeStackExport } from "../../policy/analyze";
import { lifecycleAccessNotRetained, lifecycleManagerDependsOnItsAccess } from "../../policy/rules/lifecycle";
import { ResourceView } from "../../policy/view";
import { assertFlags, assertPasses } from "./check";
import {
  managerAfter,
  passingRunnerConfig,
  passingStack,
  replace,
  runnerConfigMap,
  runnerRole,
  runnerRoleBinding,
  userRunner,
} from "./fixtures";

const MANAGER = "build-manager";

describe("policy: the runner's lifecycle (creation and teardown order, nothing left behind)", () => {
  it("a manager that depends on its binding, role, config and runner passes", () => {
    assertPasses(lifecycleManagerDependsOnItsAccess, passingStack());
  });

  it("a manager that does not depend on its RoleBinding is flagged with what is missing", () => {
    const access = [runnerConfigMap(passingRunnerConfig()), userRunner(), runnerRole()];
    assertFlags(lifecycleManagerDependsOnItsAccess, replace(passingStack(), managerAfter(access)), {
      resource: MANAGER,
      mentions:
        /does not depend on build-rolebinding \(kubernetes:rbac\.authorization\.k8s\.io\/v1:RoleBinding\)/,
    });
  });

  it("dependencies count through other resources: the binding depending on its role is enough", () => {
    const binding: ResourceView = { ...runnerRoleBinding(), dependencies: [runnerRole().urn] };
    const manager = managerAfter([runnerConfigMap(passingRunnerConfig()), userRunner(), binding]);
    assertPasses(lifecycleManagerDependsOnItsAccess, replace(replace(passingStack(), binding), manager));
  });

  it("a manager whose dependencies are not known (a resource policy's view) is reported as could not check", () => {
    const manager: ResourceView = { ...managerAfter([]), dependencies: undefined };
    assertFlags(lifecycleManagerDependsOnItsAccess, replace(passingStack(), manager), {
      resource: MANAGER,
      mentions: /dependencies are not known here/,
      couldNotCheck: true,
    });
  });

  it("RBAC, a runner or a variable kept on delete is flagged; the export's retainOnDelete reaches the rule", () => {
    assertPasses(lifecycleAccessNotRetained, passingStack());
    const retained = { ...runnerRoleBinding(), retainOnDelete: true };
    assertFlags(lifecycleAccessNotRetained, replace(passingStack(), retained), {
      resource: "build-rolebinding",
      mentions: /kept in the cluster or GitLab when the stack deletes it/,
    });
    const runner = userRunner();
    const exported = {
      version: 3,
      deployment: {
        resources: [{ urn: runner.urn, type: runner.type, inputs: runner.props, retainOnDelete: true }],
      },
    };
    const analysis = analyzeStackExport(exported, { rules: [lifecycleAccessNotRetained] });
    assert.deepEqual(
      analysis.violations.map((v) => v.resource.name),
      ["build-runner"],
    );
  });
});
