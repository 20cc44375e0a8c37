import { namespacesPodSecurityEnforced } from "../../policy/rules/namespaces";
import { UNKNOWN } from "../../policy/view";
import { assertFlags, assertPasses } from "./check";
import { roleBinding } from "./fixture-access";
import { namespace, passingStack, replace, resourceWith } from "./fixtures";

const JOBS = "ns-ci-build";

describe("policy: Pod Security where jobs and deploy jobs create pods", () => {
  it("a restricted or baseline job namespace passes", () => {
    assertPasses(namespacesPodSecurityEnforced, passingStack());
    assertPasses(
      namespacesPodSecurityEnforced,
      replace(passingStack(), namespace("ci-build", "ci-jobs", "baseline")),
    );
  });

  it("a job namespace that enforces privileged, or nothing, is flagged", () => {
    assertFlags(
      namespacesPodSecurityEnforced,
      replace(passingStack(), namespace("ci-build", "ci-jobs", "privileged")),
      {
        resource: JOBS,
        mentions: /enforces "privileged" while job pods of build-config/,
      },
    );
    const unlabelled = resourceWith(namespace("ci-build", "ci-jobs", "restricted"), "metadata.labels", {});
    assertFlags(namespacesPodSecurityEnforced, replace(passingStack(), unlabelled), {
      resource: JOBS,
      mentions: /enforces no Pod Security level/,
    });
  });

  it("a deploy identity's namespace without enforcement is flagged", () => {
    const deploy = roleBinding("shop-deployer", "shop", [{ kind: "ServiceAccount", name: "deployer" }], {
      labels: { "app.kubernetes.io/component": "deploy" },
    });
    const shop = resourceWith(namespace("shop", "deploy", "restricted"), "metadata.labels", {});
    assertFlags(namespacesPodSecurityEnforced, [...passingStack(), deploy, shop], {
      resource: "ns-shop",
      mentions: /workloads a deploy job creates/,
    });
    assertPasses(namespacesPodSecurityEnforced, [
      ...passingStack(),
      deploy,
      namespace("shop", "deploy", "restricted"),
    ]);
  });

  it("a job namespace outside the stack, or labels unknown at preview, are reported as could not check", () => {
    assertFlags(
      namespacesPodSecurityEnforced,
      passingStack().filter((r) => r.name !== JOBS),
      {
        resource: "build-config",
        mentions: /"ci-build", where job pods of build-config .* run, is not in this stack/,
        couldNotCheck: true,
      },
    );
    const unknown = resourceWith(namespace("ci-build", "ci-jobs", "restricted"), "metadata.labels", UNKNOWN);
    assertFlags(namespacesPodSecurityEnforced, replace(passingStack(), unknown), {
      resource: JOBS,
      mentions: /labels are unknown at preview/,
      couldNotCheck: true,
    });
  });
});
