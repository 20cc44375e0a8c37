import {
  reliabilityGraceCoversLongestJob,
  reliabilityNoSubPathConfigMounts,
  reliabilityPdbAllowsDrains,
} from "../../policy/rules/reliability";
import { UNKNOWN } from "../../policy/view";
import { assertFlags, assertPasses } from "./check";
import { managerPdb, managerStatefulSet, passingStack, replace, resourceWith, userRunner } from "./fixtures";

describe("policy: reliability", () => {
  it("the passing stack passes every reliability rule", () => {
    for (const rule of [
      reliabilityGraceCoversLongestJob,
      reliabilityNoSubPathConfigMounts,
      reliabilityPdbAllowsDrains,
    ])
      assertPasses(rule, passingStack());
  });

  it("a grace period shorter than the runner's maximum timeout is flagged", () => {
    const manager = resourceWith(
      managerStatefulSet(),
      "spec.template.spec.terminationGracePeriodSeconds",
      600,
    );
    assertFlags(reliabilityGraceCoversLongestJob, replace(passingStack(), manager), {
      resource: "build-manager",
      mentions: /600 s, shorter than build-runner's maximumTimeout of 3600 s/,
    });
  });

  it("the default grace period (30 s) counts when none is set", () => {
    const manager = resourceWith(
      managerStatefulSet(),
      "spec.template.spec.terminationGracePeriodSeconds",
      undefined,
    );
    assertFlags(reliabilityGraceCoversLongestJob, replace(passingStack(), manager), {
      resource: "build-manager",
      mentions: /30 s/,
    });
  });

  it("a runner without a maximum timeout is flagged: no grace period can cover it", () => {
    assertFlags(
      reliabilityGraceCoversLongestJob,
      replace(passingStack(), resourceWith(userRunner(), "maximumTimeout", undefined)),
      { resource: "build-runner", mentions: /no maximumTimeout/ },
    );
  });

  it("a ConfigMap mounted with subPath is flagged", () => {
    const manager = resourceWith(
      managerStatefulSet(),
      "spec.template.spec.containers.0.volumeMounts.0.subPath",
      "config.toml",
    );
    assertFlags(reliabilityNoSubPathConfigMounts, [manager], {
      resource: "build-manager",
      mentions: /subPath/,
    });
  });

  it("volumes or mounts unknown at preview are reported as could not check", () => {
    const manager = resourceWith(managerStatefulSet(), "spec.template.spec.volumes", UNKNOWN);
    assertFlags(reliabilityNoSubPathConfigMounts, [manager], {
      resource: "build-manager",
      mentions: /spec\.template\.spec\.volumes is unknown at preview/,
      couldNotCheck: true,
    });
  });

  it("a PDB budget unknown at preview is reported as could not check", () => {
    assertFlags(reliabilityPdbAllowsDrains, [resourceWith(managerPdb(), "spec.maxUnavailable", UNKNOWN)], {
      resource: "build-pdb",
      mentions: /spec\.maxUnavailable is unknown at preview/,
      couldNotCheck: true,
    });
  });

  it("a PDB with maxUnavailable 0 is flagged", () => {
    const pdb = resourceWith(managerPdb(), "spec.maxUnavailable", 0);
    assertFlags(reliabilityPdbAllowsDrains, replace(passingStack(), pdb), {
      resource: "build-pdb",
      mentions: /maxUnavailable is 0/,
    });
  });

  it("a PDB whose minAvailable equals the replicas is flagged; below them it passes", () => {
    const blocking = resourceWith(
      resourceWith(managerPdb(), "spec.maxUnavailable", undefined),
      "spec.minAvailable",
      2,
    );
    assertFlags(reliabilityPdbAllowsDrains, replace(passingStack(), blocking), {
      resource: "build-pdb",
      mentions: /minAvailable is 2 with 2 replica/,
    });
    assertPasses(
      reliabilityPdbAllowsDrains,
      replace(passingStack(), resourceWith(blocking, "spec.minAvailable", 1)),
    );
  });

  it('a PDB with minAvailable "100%" is flagged', () => {
    const pdb = resourceWith(
      resourceWith(managerPdb(), "spec.maxUnavailable", undefined),
      "spec.minAvailable",
      "100%",
    );
    assertFlags(reliabilityPdbAllowsDrains, replace(passingStack(), pdb), {
      resource: "build-pdb",
      mentions: /100%/,
    });
  });

  it("a PDB selecting nothing in the stack is reported as could not check", () => {
    const pdb = resourceWith(
      resourceWith(resourceWith(managerPdb(), "spec.maxUnavailable", undefined), "spec.minAvailable", 1),
      "spec.selector",
      { matchLabels: { app: "other" } },
    );
    assertFlags(reliabilityPdbAllowsDrains, replace(passingStack(), pdb), {
      resource: "build-pdb",
      mentions: /selects no workload/,
      couldNotCheck: true,
    });
  });
});
