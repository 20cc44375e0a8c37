import * as assert from "node:assert/strict";
import {
  runnersCredentialedTaggedLocked,
  runnersProtectCredentialedFleets,
} from "../../policy/rules/runners";
import { UNKNOWN } from "../../policy/view";
import { assertFlags, assertPasses, violations } from "./check";
import {
  passingRunnerConfig,
  passingStack,
  replace,
  resourceWith,
  runnerConfigMap,
  userRunner,
  view,
  withField,
} from "./fixtures";

function withRunner(field: string, value: unknown) {
  return replace(passingStack(), resourceWith(userRunner(), field, value));
}

/** The passing stack whose fleet mounts no push credential. */
function credentialFreeStack() {
  const config = withField(passingRunnerConfig(), "runners.0.kubernetes.volumes", {});
  return replace(passingStack(), runnerConfigMap(config));
}

describe("policy: runners", () => {
  it("a protected, tagged fleet that pushes images passes", () => {
    assertPasses(runnersProtectCredentialedFleets, passingStack());
    assertPasses(runnersCredentialedTaggedLocked, passingStack());
  });

  it("an unprotected fleet that mounts registry push credentials is flagged", () => {
    assertFlags(runnersProtectCredentialedFleets, withRunner("accessLevel", "not_protected"), {
      resource: "build-runner",
      mentions: /registry push credential "build-registry"/,
    });
  });

  it("an unprotected fleet whose jobs get an API token with RoleBindings (deploy access) is flagged", () => {
    const config = withField(
      withField(passingRunnerConfig(), "runners.0.kubernetes.volumes", {}),
      "runners.0.kubernetes.automount_service_account_token",
      true,
    );
    const deployBinding = view("kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", "build-jobs-deploy", {
      metadata: { name: "build-jobs-deploy", namespace: "shop" },
      roleRef: { kind: "Role", name: "deployer" },
      subjects: [{ kind: "ServiceAccount", name: "build-jobs", namespace: "ci-build" }],
    });
    const stack = [...replace(passingStack(), runnerConfigMap(config)), deployBinding];
    assertFlags(
      runnersProtectCredentialedFleets,
      replace(stack, resourceWith(userRunner(), "accessLevel", "not_protected")),
      { resource: "build-runner", mentions: /API token of service account "build-jobs"/ },
    );
  });

  it("an unprotected fleet without push or deploy credentials passes", () => {
    const stack = replace(credentialFreeStack(), resourceWith(userRunner(), "accessLevel", "not_protected"));
    assert.deepEqual(violations(runnersProtectCredentialedFleets, stack), []);
  });

  it("an access level unknown at preview is reported as could not check", () => {
    assertFlags(runnersProtectCredentialedFleets, withRunner("accessLevel", UNKNOWN), {
      resource: "build-runner",
      mentions: /unknown at preview/,
      couldNotCheck: true,
    });
  });

  it("a credentialed fleet with no GitLab runner beside it is reported as could not check", () => {
    const stack = passingStack().filter((resource) => resource.name !== "build-runner");
    assertFlags(runnersProtectCredentialedFleets, stack, {
      resource: "build-config",
      mentions: /no GitLab runner/,
      couldNotCheck: true,
    });
  });

  it("a runner that can push and also takes untagged jobs is flagged", () => {
    assertFlags(runnersCredentialedTaggedLocked, withRunner("untagged", true), {
      resource: "build-runner",
      mentions: /untagged jobs/,
    });
  });

  it("a credentialed runner whose tags are unknown at preview is reported as could not check", () => {
    assertFlags(runnersCredentialedTaggedLocked, withRunner("tagLists", UNKNOWN), {
      resource: "build-runner",
      mentions: /tagLists is unknown at preview/,
      couldNotCheck: true,
    });
  });

  it("a runner that can push and has no tags is flagged", () => {
    assertFlags(runnersCredentialedTaggedLocked, withRunner("tagLists", []), {
      resource: "build-runner",
      mentions: /no tags/,
    });
  });

  it("an unlocked project runner that can push is flagged", () => {
    const stack = replace(
      passingStack(),
      resourceWith(resourceWith(userRunner(), "runnerType", "project_type"), "projectId", 7),
    );
    assertFlags(runnersCredentialedTaggedLocked, stack, {
      resource: "build-runner",
      mentions: /locked: true/,
    });
  });
});
