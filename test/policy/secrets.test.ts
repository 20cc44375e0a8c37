import * as TOML from "@iarna/toml";
import * as assert from "node:assert/strict";
import {
  secretsEncryptedInState,
  secretsNoEnvLiterals,
  secretsNoPlainStackOutputs,
  secretsNotInConfigMaps,
} from "../../policy/rules/secrets";
import { UNKNOWN } from "../../policy/view";
import { assertFlags, assertPasses, violations } from "./check";
import {
  managerStatefulSet,
  passingRunnerConfig,
  passingStack,
  registrySecret,
  resourceWith,
  runnerConfigMap,
  stackResource,
  view,
  withField,
} from "./fixtures";

const CONFIG_MAP = "kubernetes:core/v1:ConfigMap";
const GLRT = "glrt-t3_AbCdEfGhIjKlMnOpQrSt";

function plainConfigMap(data: Record<string, unknown>) {
  return view(CONFIG_MAP, "app-settings", { metadata: { name: "app-settings" }, data });
}

describe("policy: secrets", () => {
  it("the platform's ConfigMap, manager, Secret and stack outputs pass every secrets rule", () => {
    for (const rule of [
      secretsNotInConfigMaps,
      secretsNoEnvLiterals,
      secretsEncryptedInState,
      secretsNoPlainStackOutputs,
    ]) {
      assertPasses(rule, passingStack());
    }
  });

  it("a runner token pasted into config.toml is flagged", () => {
    const configMap = runnerConfigMap(
      withField(passingRunnerConfig(), "runners.0.token", "Qvdu1hpsUpYNa3dzrjqP"),
    );
    assertFlags(secretsNotInConfigMaps, [configMap], {
      resource: "build-config",
      mentions: /literal runner token/,
    });
  });

  it("S3 cache keys written into config.toml are flagged", () => {
    const configMap = runnerConfigMap(
      withField(passingRunnerConfig(), "runners.0.cache", {
        Type: "s3",
        s3: { AccessKey: "AK", SecretKey: "SK" },
      }),
    );
    const found = assertFlags(secretsNotInConfigMaps, [configMap], {
      resource: "build-config",
      mentions: /cache\.s3\.(access|secret)key/,
    });
    assert.equal(found.length, 2);
  });

  it("config.toml keys are matched case-insensitively, as the runner does", () => {
    const text = TOML.stringify(passingRunnerConfig() as TOML.JsonMap).replace(
      'token = "${RUNNER_TOKEN}"',
      'TOKEN = "abcdefgh12345678"',
    );
    const configMap = view(CONFIG_MAP, "build-config", { data: { "config.toml": text } });
    assertFlags(secretsNotInConfigMaps, [configMap], {
      resource: "build-config",
      mentions: /literal runner token/,
    });
  });

  it("a GitLab token, private key or kubeconfig in any ConfigMap key is flagged", () => {
    const values = [
      GLRT,
      "-----BEGIN OPENSSH PRIVATE KEY-----\nabc",
      "users:\n- name: x\n  user:\n    token: eyJhbGciOiJSUzI1NiIs",
    ];
    for (const value of values) {
      assertFlags(secretsNotInConfigMaps, [plainConfigMap({ settings: value })], {
        resource: "app-settings",
        mentions: /data\.settings contains/,
      });
    }
  });

  it("a ConfigMap key named like a credential is flagged, a harmless one is not", () => {
    assertFlags(secretsNotInConfigMaps, [plainConfigMap({ DB_PASSWORD: "hunter2" })], {
      resource: "app-settings",
      mentions: /names a credential/,
    });
    assertPasses(secretsNotInConfigMaps, [plainConfigMap({ TOKEN_EXPIRES_AT: "never", LOG_LEVEL: "info" })]);
  });

  it("a Pulumi secret placed in a ConfigMap is flagged", () => {
    assertFlags(secretsNotInConfigMaps, [plainConfigMap({ password: { secret: true } })], {
      resource: "app-settings",
      mentions: /Pulumi secret/,
    });
  });

  it("ConfigMap data unknown at preview is reported as could not check, never passed", () => {
    assertFlags(secretsNotInConfigMaps, [plainConfigMap({ "config.toml": UNKNOWN })], {
      resource: "app-settings",
      mentions: /unknown at preview/,
      couldNotCheck: true,
    });
  });

  it("a credential literal in a container env is flagged; secretKeyRef passes", () => {
    const manager = resourceWith(managerStatefulSet(), "spec.template.spec.containers.0.env", [
      { name: "RUNNER_TOKEN", value: GLRT },
    ]);
    assertFlags(secretsNoEnvLiterals, [manager], {
      resource: "build-manager",
      mentions: /RUNNER_TOKEN as a literal/,
    });
    assertPasses(secretsNoEnvLiterals, [managerStatefulSet()]);
  });

  it("a credential-named env value unknown at preview is reported as could not check", () => {
    const manager = resourceWith(managerStatefulSet(), "spec.template.spec.containers.0.env", [
      { name: "RUNNER_TOKEN", value: UNKNOWN },
    ]);
    assertFlags(secretsNoEnvLiterals, [manager], {
      resource: "build-manager",
      mentions: /env\[0\]\.value is unknown at preview/,
      couldNotCheck: true,
    });
  });

  it("a password in a URL (a proxy's user:password@) in a container env is flagged; a URL without one passes", () => {
    const env = (value: string) =>
      resourceWith(managerStatefulSet(), "spec.template.spec.containers.0.env", [
        { name: "HTTPS_PROXY", value },
      ]);
    assertFlags(secretsNoEnvLiterals, [env("http://ci:Harbor12345@proxy.example.com:3128")], {
      resource: "build-manager",
      mentions: /HTTPS_PROXY as a literal \(a password in a URL/,
    });
    assertPasses(secretsNoEnvLiterals, [env("http://proxy.example.com:3128")]);
    assertPasses(secretsNoEnvLiterals, [env("http://ci:${PROXY_PASSWORD}@proxy.example.com:3128")]);
  });

  it("a credential in config.toml's runner environment is flagged", () => {
    const configMap = runnerConfigMap(
      withField(passingRunnerConfig(), "runners.0.environment", ["HARBOR_PASSWORD=Harbor12345", "LANG=C"]),
    );
    const found = assertFlags(secretsNoEnvLiterals, [configMap], {
      resource: "build-config",
      mentions: /HARBOR_PASSWORD/,
    });
    assert.equal(found.length, 1);
  });

  it("a Secret whose data is plain in the state is flagged", () => {
    const secret = resourceWith(registrySecret(), "stringData", { ".dockerconfigjson": "{}" });
    assertFlags(secretsEncryptedInState, [secret], {
      resource: "build-registry",
      mentions: /stringData\.\.dockerconfigjson is stored in plain text/,
    });
  });

  it("a CI/CD variable holding a credential (by its key or its value) in plain state is flagged", () => {
    const variable = view("gitlab:index/projectVariable:ProjectVariable", "sonar-token", {
      key: "SONAR_TOKEN",
      value: "squ_0123456789",
    });
    assertFlags(secretsEncryptedInState, [variable], { resource: "sonar-token", mentions: /plain text/ });
    assertPasses(secretsEncryptedInState, [resourceWith(variable, "value", { secret: true })]);
    const proxy = view("gitlab:index/projectVariable:ProjectVariable", "proxy", {
      key: "HTTPS_PROXY",
      value: "http://ci:Harbor12345@proxy.example.com:3128",
    });
    assertFlags(secretsEncryptedInState, [proxy], { resource: "proxy", mentions: /password in a URL/ });
  });

  it("a plain variable that is no credential stays plain in the state and passes", () => {
    for (const [key, value] of [
      ["LOG_LEVEL", "debug"],
      ["REGISTRY_USER", "robot$ci"],
      ["HTTPS_PROXY", "http://proxy.example.com:3128"],
    ]) {
      const variable = view("gitlab:index/projectVariable:ProjectVariable", key, { key, value });
      assertPasses(secretsEncryptedInState, [variable]);
    }
  });

  it("a stack output named like a credential, or holding one, must be a secret", () => {
    assertFlags(secretsNoPlainStackOutputs, [stackResource("prod", { runnerToken: "abc123456" })], {
      resource: "gitlab-ci-platform-prod",
      mentions: /runnerToken/,
    });
    assertFlags(secretsNoPlainStackOutputs, [stackResource("prod", { runners: [{ note: GLRT }] })], {
      resource: "gitlab-ci-platform-prod",
      mentions: /runners\[0\]\.note/,
    });
    assertPasses(secretsNoPlainStackOutputs, [
      stackResource("prod", { runnerToken: { secret: true }, tokenExpiresAt: "2027-01-01" }),
    ]);
  });

  it("export-only rules say why the engine cannot run them", () => {
    for (const rule of [secretsEncryptedInState, secretsNoPlainStackOutputs])
      assert.match(rule.exportOnly ?? "", /policy:analyze/);
    assert.equal(violations(secretsEncryptedInState, passingStack()).length, 0);
  });
});
