import * as assert from "node:assert/strict";
import { Violation, analyzeResources } from "../../policy/analyze";
import { ResourceView } from "../../policy/view";
import {
  SEED_000_DOCKER_SOCK_TOML,
  SEED_002_LATEST_TOML,
  SEED_004_PRIVILEGED_TOML,
  chartClusterWideRbac,
  configMapOf,
  seed000AdminKubeconfigVariable,
  seed000RegistrationTokenConfigMap,
  seed002ManagerDeployment,
} from "./seed-setups";

function mandatory(resources: ResourceView[], stack = "prod"): Violation[] {
  return analyzeResources(resources, stack).violations.filter((v) => v.level === "mandatory");
}

function policiesFlagging(resources: ResourceView[], resource: string, stack = "prod"): string[] {
  return [
    ...new Set(
      mandatory(resources, stack)
        .filter((v) => v.resource.name === resource)
        .map((v) => v.policy),
    ),
  ].sort();
}

describe("policy: the insecure setups of the field reports are flagged", () => {
  it("the chart's cluster-wide runner RBAC (ClusterRole with *, ClusterRoleBinding) — seeds 001/003/004", () => {
    const resources = chartClusterWideRbac();
    assert.deepEqual(policiesFlagging(resources, "gitlab-runner"), [
      "rbac-no-wildcards",
      "rbac-runner-role-within-table",
    ]);
    assert.deepEqual(policiesFlagging(resources, "gitlab-runner-binding"), ["rbac-no-cluster-wide-bindings"]);
  });

  it("privileged docker-in-docker with a pasted token — seed 004", () => {
    const flagged = policiesFlagging(
      [configMapOf("runner-config", SEED_004_PRIVILEGED_TOML)],
      "runner-config",
    );
    for (const policy of [
      "job-pods-no-privileged",
      "secrets-not-in-configmaps",
      "job-pods-allowed-images",
      "job-pods-resource-limits",
    ]) {
      assert.ok(flagged.includes(policy), `${policy} in ${flagged.join(", ")}`);
    }
  });

  it("the node's docker.sock in every job, a token in the ConfigMap, an untagged default image — seed 000", () => {
    const resources = [configMapOf("kubesphere-runner", SEED_000_DOCKER_SOCK_TOML)];
    const flagged = policiesFlagging(resources, "kubesphere-runner", "dev");
    for (const policy of [
      "job-pods-no-host-path",
      "secrets-not-in-configmaps",
      "manager-pods-helper-image-pinned",
      "job-pods-shared-pull-policy",
    ]) {
      assert.ok(flagged.includes(policy), `${policy} in ${flagged.join(", ")}`);
    }
    assert.ok(mandatory(resources, "dev").some((v) => /docker\.sock/.test(v.message)));
  });

  it("a registration token kept in a ConfigMap — seed 000", () => {
    const found = mandatory([seed000RegistrationTokenConfigMap()]);
    assert.ok(
      found.some((v) => v.policy === "secrets-not-in-configmaps" && /registration token/.test(v.message)),
    );
  });

  it("latest manager and helper images — seed 002", () => {
    assert.deepEqual(policiesFlagging([seed002ManagerDeployment()], "gitlab-runner"), [
      "manager-pods-pinned-images",
      "manager-pods-resources",
      "manager-pods-restricted",
    ]);
    const helper = mandatory([configMapOf("runner-config", SEED_002_LATEST_TOML)]).filter(
      (v) => v.policy === "manager-pods-helper-image-pinned",
    );
    assert.equal(helper.length, 2, helper.map((v) => v.message).join(" | "));
  });

  it("an administrator kubeconfig in a plain, unprotected group variable — seed 000", () => {
    const found = mandatory([seed000AdminKubeconfigVariable()]).filter(
      (v) => v.policy === "secrets-kubeconfig-variables",
    );
    const messages = found.map((v) => v.message).join("\n");
    assert.match(messages, /variableType: "file"/);
    assert.match(messages, /protected/);
    assert.match(messages, /every environment/);
    assert.match(messages, /administrator kubeconfig/);
  });
});
