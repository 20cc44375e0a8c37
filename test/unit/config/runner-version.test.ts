import { strict as assert } from "node:assert";
import { ConfigValidationError, loadStackConfig } from "../../../config";
import type { Problem } from "../../../model/problems";
import { fakeReader, validValues } from "../../helpers/config-reader";

const P = "gitlab-ci-platform:";

function load(fleet: Record<string, unknown>, runnerImage?: Record<string, unknown>) {
  const values = {
    ...validValues(),
    fleets: [{ name: "k8s", ...fleet }],
    ...(runnerImage ? { runnerImage } : {}),
  };
  return loadStackConfig(fakeReader(values, ["gitlabToken"]));
}

function problemsOf(fleet: Record<string, unknown>, runnerImage?: Record<string, unknown>): Problem[] {
  try {
    load(fleet, runnerImage);
  } catch (error) {
    assert.ok(error instanceof ConfigValidationError, String(error));
    return [...error.problems];
  }
  return assert.fail("expected the configuration to be refused");
}

describe("a fleet's keys follow its runner version (runnerImage.version)", () => {
  it("refuses a key the pinned runner does not read, naming the key, the version it needs and the fix", () => {
    const problems = problemsOf({
      kubernetes: { suspendPvcSize: "5Gi", services: [{ name: "postgres:16", suspendDataPath: "/data" }] },
    });
    assert.deepEqual(
      problems.map((p) => p.path).sort(),
      [
        `${P}fleets[0].kubernetes.services[0].suspendDataPath`,
        `${P}fleets[0].kubernetes.suspendPvcSize`,
      ].sort(),
    );
    for (const problem of problems) {
      assert.match(problem.reason, /GitLab Runner v19\.3\.0 .*v19\.4\.0 or later/);
      assert.match(
        problem.fix ?? "",
        /remove it, or set gitlab-ci-platform:runnerImage\.version to v19\.4\.0 or later/,
      );
    }
  });

  it("accepts the same keys with a runner that reads them", () => {
    assert.doesNotThrow(() => load({ kubernetes: { suspendPvcSize: "5Gi" } }, { version: "v19.4.0" }));
  });

  it("an older pinned runner refuses a table it lacks as one problem, not one per key inside", () => {
    const problems = problemsOf(
      {
        jobPodSecurity: "baseline",
        kubernetes: { autoscaler: { maxPausePods: 1, policy: [{ idleCount: 1 }] } },
      },
      { version: "v18.10.0" },
    );
    assert.deepEqual(
      problems.map((p) => p.path),
      [`${P}fleets[0].kubernetes.autoscaler`],
    );
    assert.match(problems[0]?.reason ?? "", /v18\.11\.0 or later/);
  });

  it("refuses a runner too old for the seccomp profiles the platform gives restricted job pods", () => {
    const problems = problemsOf({}, { version: "v18.10.0" });
    assert.deepEqual(
      problems.map((p) => p.path),
      [`${P}fleets[0].jobPodSecurity`],
    );
    assert.match(problems[0]?.reason ?? "", /"restricted".*seccomp_profile.*GitLab Runner v18\.10\.0/);
    assert.match(
      problems[0]?.fix ?? "",
      /runnerImage\.version to v18\.11\.0 or later, or jobPodSecurity: baseline/,
    );
    assert.doesNotThrow(() => load({ jobPodSecurity: "baseline" }, { version: "v18.10.0" }));
  });
});
