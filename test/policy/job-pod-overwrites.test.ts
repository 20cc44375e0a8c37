import { jobPodsIdentityOverwrites } from "../../policy/rules/job-pod-identity";
import { jobPodsMetadataOverwrites } from "../../policy/rules/job-pod-metadata";
import { assertFlags, assertPasses } from "./check";
import { generalFleet, jobConfig, roleBinding, serviceAccount } from "./fixture-access";
import { passingStack, replace, runnerConfigMap, view } from "./fixtures";

const RESOURCE = "build-config";

/** The passing stack with one [runners.kubernetes] key of the build fleet changed. */
function withSetting(key: string, value: unknown, extra: ReturnType<typeof passingStack> = []) {
  return [...replace(passingStack(), runnerConfigMap(jobConfig(key, value))), ...extra];
}

describe("policy: what jobs may overwrite (identity, labels, annotations, placement)", () => {
  it("the passing stack passes, and so do anchored patterns that admit only harmless values", () => {
    assertPasses(jobPodsIdentityOverwrites, passingStack());
    assertPasses(jobPodsMetadataOverwrites, passingStack());
    assertPasses(
      jobPodsIdentityOverwrites,
      withSetting("service_account_overwrite_allowed", "^build-jobs-(lint|test)$", [
        serviceAccount("build-jobs-lint", "ci-build", false),
      ]),
    );
    assertPasses(jobPodsMetadataOverwrites, withSetting("pod_labels_overwrite_allowed", "^team=[a-z]+$"));
    assertPasses(
      jobPodsMetadataOverwrites,
      withSetting("node_selector_overwrite_allowed", "^kubernetes.io/arch=(amd64|arm64)$"),
    );
  });

  it("a service account pattern without ^…$ is flagged: the runner matches it anywhere in the value", () => {
    assertFlags(jobPodsIdentityOverwrites, withSetting("service_account_overwrite_allowed", "build-jobs"), {
      resource: RESOURCE,
      mentions: /service_account_overwrite_allowed "build-jobs" is not bound with \^…\$/,
    });
  });

  it("a namespace pattern with an unanchored alternative is flagged", () => {
    assertFlags(
      jobPodsIdentityOverwrites,
      withSetting("namespace_overwrite_allowed", "^ci-build$|ci-review"),
      {
        resource: RESOURCE,
        mentions: /namespace_overwrite_allowed "\^ci-build\$\|ci-review" is not bound/,
      },
    );
  });

  it("a pattern that admits a service account holding rights is flagged, with the binding named", () => {
    const deployer = serviceAccount("build-deployer", "ci-build", false);
    const binding = roleBinding("build-deployer-binding", "shop", [
      { kind: "ServiceAccount", name: "build-deployer", namespace: "ci-build" },
    ]);
    assertFlags(
      jobPodsIdentityOverwrites,
      withSetting("service_account_overwrite_allowed", "^build-.*$", [deployer, binding]),
      { resource: RESOURCE, mentions: /"build-deployer", which build-deployer-binding give rights/ },
    );
  });

  it("a pattern in syntax only Go reads is reported as could not check", () => {
    assertFlags(jobPodsIdentityOverwrites, withSetting("service_account_overwrite_allowed", "(?i)^build$"), {
      resource: RESOURCE,
      mentions: /uses flags or named groups/,
      couldNotCheck: true,
    });
  });

  it("an annotation pattern that admits AppArmor or an ECI RAM role is flagged", () => {
    assertFlags(jobPodsMetadataOverwrites, withSetting("pod_annotations_overwrite_allowed", ".*"), {
      resource: RESOURCE,
      mentions: /drop AppArmor confinement.*take any RAM role on ECI/,
    });
    assertFlags(
      jobPodsMetadataOverwrites,
      withSetting("pod_annotations_overwrite_allowed", "^k8s\\.aliyun\\.com/eci-.*$"),
      { resource: RESOURCE, mentions: /eci-ram-role-name=any-role/ },
    );
  });

  it("a label pattern that admits the workload identity label or a NetworkPolicy's peer label is flagged", () => {
    assertFlags(jobPodsMetadataOverwrites, withSetting("pod_labels_overwrite_allowed", "^azure\\..*$"), {
      resource: RESOURCE,
      mentions: /Azure identity/,
    });
    const policy = view("kubernetes:networking.k8s.io/v1:NetworkPolicy", "db-ingress", {
      metadata: { name: "db", namespace: "shop" },
      spec: { ingress: [{ from: [{ podSelector: { matchLabels: { role: "db-client" } } }] }] },
    });
    assertFlags(
      jobPodsMetadataOverwrites,
      withSetting("pod_labels_overwrite_allowed", "^role=.*$", [policy]),
      {
        resource: RESOURCE,
        mentions: /"role=db-client" \(pass NetworkPolicy db-ingress\)/,
      },
    );
  });

  it("a toleration pattern that admits the empty toleration (every taint) is flagged", () => {
    assertFlags(jobPodsMetadataOverwrites, withSetting("node_tolerations_overwrite_allowed", "^.*$"), {
      resource: RESOURCE,
      mentions: /tolerate every taint/,
    });
  });

  it("a node selector pattern that reaches a privileged fleet's nodes is flagged", () => {
    const privileged = generalFleet({
      privileged: true,
      node_selector: { "ci/dind": "true" },
      node_tolerations: { "ci/dind=true": "NoSchedule" },
    });
    assertFlags(
      jobPodsMetadataOverwrites,
      withSetting("node_selector_overwrite_allowed", "^ci/.*$", privileged),
      { resource: RESOURCE, mentions: /"ci\/dind=true" \(run on nodes kept for privileged jobs\)/ },
    );
    assertPasses(jobPodsMetadataOverwrites, withSetting("node_selector_overwrite_allowed", "^ci/.*$"));
  });
});
