import { strict as assert } from "node:assert";
import { jobNamespacePolicies } from "../../../model/pod-security";

const need = (
  fleet: string,
  namespace: string,
  extra: { kaniko?: boolean; privileged?: boolean; requested?: "restricted" | "baseline" } = {},
) => ({
  fleet,
  namespace,
  kaniko: false,
  privileged: false,
  requested: "restricted" as const,
  ...extra,
});

describe("job namespace Pod Security levels", () => {
  it("restricted unless a fleet needs more; the most permissive need of a shared namespace wins", () => {
    const policies = jobNamespacePolicies([
      need("k8s", "ci"),
      need("kaniko", "ci-build", { kaniko: true }),
      need("java", "ci-build", { requested: "baseline" }),
      need("dind", "ci-dind", { privileged: true }),
    ]);
    assert.deepEqual(
      policies.map((p) => [p.namespace, p.level]),
      [
        ["ci", "restricted"],
        ["ci-build", "baseline"],
        ["ci-dind", "privileged"],
      ],
    );
    assert.equal(policies[1].reasons.length, 2);
  });
});
