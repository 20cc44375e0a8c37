import { strict as assert } from "node:assert";
import { type RunnerConfig, renderConfigToml } from "../../../../model/config-toml";
import { configWith, configWithKubernetes } from "./helpers";

const INLINE_SECRETS: [string, RunnerConfig, RegExp][] = [
  ["the runner token", configWith({ token: "glrt-abc123" }), /runners\[0\]\.token/],
  [
    "an S3 access key",
    configWith({ cache: { s3: { accessKey: "AKIA123" } } }),
    /runners\[0\]\.cache\.s3\.accessKey/,
  ],
  [
    "an S3 secret key",
    configWith({ cache: { s3: { secretKey: "s3cr3t" } } }),
    /runners\[0\]\.cache\.s3\.secretKey/,
  ],
  [
    "an S3 session token",
    configWith({ cache: { s3: { sessionToken: "tok" } } }),
    /runners\[0\]\.cache\.s3\.sessionToken/,
  ],
  [
    "an Azure account key",
    configWith({ cache: { azure: { accountKey: "key" } } }),
    /runners\[0\]\.cache\.azure\.accountKey/,
  ],
  [
    "a GCS private key",
    configWith({ cache: { gcs: { privateKey: "-----BEGIN" } } }),
    /runners\[0\]\.cache\.gcs\.privateKey/,
  ],
  [
    "a Kubernetes bearer token",
    configWithKubernetes({ bearerToken: "eyJ" }),
    /runners\[0\]\.kubernetes\.bearerToken/,
  ],
  ["a half reference", configWith({ token: "prefix-${RUNNER_TOKEN}" }), /runners\[0\]\.token/],
];

describe("renderConfigToml refuses secrets in clear", () => {
  for (const [what, config, path] of INLINE_SECRETS) {
    it(`refuses ${what}`, () => {
      assert.throws(
        () => renderConfigToml(config),
        (error: Error) => {
          assert.match(error.message, /must not contain secrets in clear/);
          assert.match(error.message, path);
          assert.match(error.message, /\$\{RUNNER_TOKEN\}|AWS_ACCESS_KEY_ID/);
          return true;
        },
      );
    });
  }

  it("renders the token as a ${VAR} reference, which the runner expands from its environment", () => {
    const text = renderConfigToml(configWith({ cache: { type: "s3v2", s3: { authenticationType: "iam" } } }));
    assert.match(text, /token = "\$\{RUNNER_TOKEN\}"/);
    assert.doesNotMatch(text, /AccessKey/);
  });

  it("refuses ${VAR} references in cache credentials, which the runner does not expand", () => {
    assert.throws(
      () => renderConfigToml(configWith({ cache: { s3: { accessKey: "${CACHE_S3_ACCESS_KEY}" } } })),
      /cache\.s3\.accessKey: is a \$\{VAR\} reference the runner does not expand in this field/,
    );
  });

  it("refuses an invalid model with every problem listed", () => {
    assert.throws(
      () => renderConfigToml(configWithKubernetes({ cpuLimit: "lots", pollTimeout: -1 })),
      /model is invalid:\n {2}runners\[0\]\.kubernetes\.cpuLimit: .*\n {2}runners\[0\]\.kubernetes\.pollTimeout: /,
    );
  });
});
