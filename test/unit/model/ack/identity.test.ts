import { strict as assert } from "node:assert";
import { alibabaCloudIdentity, providerCredentials, roleSessionName } from "../../../../model/ack";

const ROLE = { roleArn: "acs:ram::123456789012:role/gitlab-ci-platform-deployer" };
const AT = "gitlab-ci-platform:cluster.ackServerless.assumeRole.roleArn";
const OIDC = {
  ALIBABA_CLOUD_OIDC_PROVIDER_ARN: "acs:ram::123456789012:oidc-provider/gitlab",
  ALIBABA_CLOUD_OIDC_TOKEN_FILE: "/tmp/alibaba-cloud-oidc-token",
};

describe("the Alibaba Cloud identity of a run: always the stack's role", () => {
  it("without OIDC in the environment, the provider assumes the role from its own credential", () => {
    const result = alibabaCloudIdentity(ROLE, "prod", {}, AT);
    assert.ok("identity" in result);
    assert.deepEqual(providerCredentials(result.identity), {
      assumeRole: { roleArn: ROLE.roleArn, sessionName: "gitlab-ci-platform-prod" },
    });
  });

  it("with an OIDC provider and a token file, the provider exchanges the token for the same role", () => {
    const result = alibabaCloudIdentity(ROLE, "prod", { ...OIDC, ALIBABA_CLOUD_ROLE_ARN: ROLE.roleArn }, AT);
    assert.ok("identity" in result);
    assert.deepEqual(providerCredentials(result.identity), {
      assumeRoleWithOidc: {
        roleArn: ROLE.roleArn,
        roleSessionName: "gitlab-ci-platform-prod",
        oidcProviderArn: OIDC.ALIBABA_CLOUD_OIDC_PROVIDER_ARN,
        oidcTokenFile: OIDC.ALIBABA_CLOUD_OIDC_TOKEN_FILE,
      },
    });
  });

  it("refuses another role in the environment: it would have no RBAC in the cluster", () => {
    const result = alibabaCloudIdentity(
      ROLE,
      "prod",
      { ALIBABA_CLOUD_ROLE_ARN: "acs:ram::1:role/other" },
      AT,
    );
    assert.ok("problems" in result);
    assert.deepEqual(
      result.problems.map((p) => p.path),
      ["ALIBABA_CLOUD_ROLE_ARN (environment)"],
    );
    assert.match(result.problems[0].reason, new RegExp(`every run of this stack assumes ${ROLE.roleArn}`));
  });

  it("refuses half an OIDC setup, naming the variable that is missing", () => {
    for (const [set, missing] of [
      ["ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "ALIBABA_CLOUD_OIDC_TOKEN_FILE"],
      ["ALIBABA_CLOUD_OIDC_TOKEN_FILE", "ALIBABA_CLOUD_OIDC_PROVIDER_ARN"],
    ] as const) {
      const result = alibabaCloudIdentity(ROLE, "prod", { [set]: OIDC[set] }, AT);
      assert.ok("problems" in result, set);
      assert.equal(result.problems[0].path, `${missing} (environment)`);
    }
  });

  it("names the session after the stack, within STS's 64 characters and alphabet", () => {
    assert.equal(
      roleSessionName("pr-pulumi-acme-gitlab-ci-platform-42"),
      "gitlab-ci-platform-pr-pulumi-acme-gitlab-ci-platform-42",
    );
    assert.equal(roleSessionName("x".repeat(80)).length, 64);
    assert.match(roleSessionName("a b/c"), /^[\w.@-]+$/);
  });
});
