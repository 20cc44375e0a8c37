import { secretsKubeconfigVariables, secretsVariablesMaskedProtected } from "../../policy/rules/variables";
import { UNKNOWN } from "../../policy/view";
import { assertFlags, assertPasses } from "./check";
import { resourceWith, view } from "./fixtures";

const PROJECT_VARIABLE = "gitlab:index/projectVariable:ProjectVariable";

const KUBECONFIG = [
  "apiVersion: v1",
  "kind: Config",
  "clusters:",
  "- cluster: {server: 'https://10.0.0.1:6443'}",
  "  name: prod",
  "users:",
  "- name: shop-deploy",
  "  user:",
  "    token: eyJhbGciOiJSUzI1NiIsImtpZCI6IiJ9",
].join("\n");

function registryPassword() {
  return view(PROJECT_VARIABLE, "registry-password", {
    key: "REGISTRY_PASSWORD",
    value: { secret: true },
    masked: true,
    hidden: true,
    protected: true,
  });
}

function kubeconfigVariable() {
  return view(PROJECT_VARIABLE, "kubeconfig-prod", {
    key: "KUBECONFIG",
    value: { secret: true, plaintext: KUBECONFIG },
    variableType: "file",
    protected: true,
    environmentScope: "production",
  });
}

describe("policy: CI/CD variables", () => {
  it("a masked, protected credential variable passes", () => {
    assertPasses(secretsVariablesMaskedProtected, [registryPassword()]);
  });

  it("a credential variable that is not masked is flagged", () => {
    assertFlags(secretsVariablesMaskedProtected, [resourceWith(registryPassword(), "masked", false)], {
      resource: "registry-password",
      mentions: /masked is not true/,
    });
  });

  it("a credential variable that is not protected is flagged", () => {
    assertFlags(secretsVariablesMaskedProtected, [resourceWith(registryPassword(), "protected", undefined)], {
      resource: "registry-password",
      mentions: /protected is not true/,
    });
  });

  it("a credential variable at instance level (every project receives it) is flagged", () => {
    const variable = { ...registryPassword(), type: "gitlab:index/instanceVariable:InstanceVariable" };
    assertFlags(secretsVariablesMaskedProtected, [variable], {
      resource: "registry-password",
      mentions: /instance variable, which every project on the instance receives/,
    });
  });

  it("a variable whose value is a GitLab token counts as a credential whatever its name", () => {
    const variable = view(PROJECT_VARIABLE, "helper", {
      key: "HELPER",
      value: "glpat-AbCdEfGhIjKlMnOpQrSt",
      masked: false,
      protected: false,
    });
    assertFlags(secretsVariablesMaskedProtected, [variable], { resource: "helper", mentions: /masked/ });
  });

  it("a plain, harmless variable passes", () => {
    assertPasses(secretsVariablesMaskedProtected, [
      view(PROJECT_VARIABLE, "region", { key: "REGION", value: "cn-hangzhou" }),
    ]);
  });

  it("a variable whose value is unknown at preview is reported as could not check", () => {
    const variable = view(PROJECT_VARIABLE, "app-id", { key: "APP_ID", value: UNKNOWN });
    assertFlags(secretsVariablesMaskedProtected, [variable], {
      resource: "app-id",
      mentions: /unknown at preview/,
      couldNotCheck: true,
    });
  });

  it("a file-type, protected, environment-scoped kubeconfig with a namespaced token passes", () => {
    assertPasses(secretsKubeconfigVariables, [kubeconfigVariable()]);
  });

  it("a kubeconfig held as an env_var is flagged", () => {
    assertFlags(secretsKubeconfigVariables, [resourceWith(kubeconfigVariable(), "variableType", "env_var")], {
      resource: "kubeconfig-prod",
      mentions: /variableType: "file"/,
    });
  });

  it("an unprotected kubeconfig is flagged", () => {
    assertFlags(secretsKubeconfigVariables, [resourceWith(kubeconfigVariable(), "protected", false)], {
      resource: "kubeconfig-prod",
      mentions: /protected/,
    });
  });

  it('a kubeconfig for every environment ("*" or unset) is flagged', () => {
    for (const scope of ["*", undefined]) {
      assertFlags(
        secretsKubeconfigVariables,
        [resourceWith(kubeconfigVariable(), "environmentScope", scope)],
        { resource: "kubeconfig-prod", mentions: /every environment/ },
      );
    }
  });

  it("a kubeconfig as an instance variable is flagged", () => {
    const variable = { ...kubeconfigVariable(), type: "gitlab:index/instanceVariable:InstanceVariable" };
    assertFlags(secretsKubeconfigVariables, [variable], {
      resource: "kubeconfig-prod",
      mentions: /instance variable/,
    });
  });

  it("a variable recognised as a kubeconfig by its content is judged as one", () => {
    const variable = resourceWith(
      resourceWith(kubeconfigVariable(), "key", "K8S_CONFIG"),
      "variableType",
      "env_var",
    );
    assertFlags(secretsKubeconfigVariables, [variable], {
      resource: "kubeconfig-prod",
      mentions: /variableType/,
    });
  });
});
