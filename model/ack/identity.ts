import type { ProviderArgs } from "@pulumi/alicloud/provider";
import type { Problem } from "../problems";

/**
 * Who the stack acts as on Alibaba Cloud. Every run — a person's `pulumi up`, the repository pipeline, Pulumi
 * Deployments — assumes the one RAM role the stack file names: the role that created the cluster is the only
 * identity ACK gives RBAC in it, so the kubeconfig `getClusterCredential` returns works for every run. Only how
 * the role is reached differs: from whatever credential the alicloud provider finds itself (an access key in
 * the environment, an `aliyun` CLI profile, an ECS instance role), or from an OIDC token (GitLab's ID token).
 */
export type AlibabaCloudIdentity =
  | { kind: "assumeRole"; roleArn: string; sessionName: string }
  | {
      kind: "assumeRoleWithOidc";
      roleArn: string;
      sessionName: string;
      oidcProviderArn: string;
      oidcTokenFile: string;
    };

/**
 * The environment variables Alibaba Cloud's tools read. The provider reads the role and OIDC ones only inside an
 * `assume_role` / `assume_role_with_oidc` block, which an explicit provider has only when the program gives it.
 */
export const ALIBABA_CLOUD_ENV = {
  roleArn: "ALIBABA_CLOUD_ROLE_ARN",
  oidcProviderArn: "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
  oidcTokenFile: "ALIBABA_CLOUD_OIDC_TOKEN_FILE",
} as const;

/** STS allows 2–64 characters of letters, digits and `.@-_` in a session name. */
const SESSION_NAME_LIMIT = 64;

/** The session name ActionTrail records: the platform and the stack that acted. */
export function roleSessionName(stack: string): string {
  return `gitlab-ci-platform-${stack}`.replace(/[^\w.@-]/g, "-").slice(0, SESSION_NAME_LIMIT);
}

const envPath = (name: string) => `${name} (environment)`;

/**
 * The identity of a run: the stack's role, reached with OIDC when the environment names an OIDC provider and a
 * token file (both, never one), otherwise with the provider's own credential. A role in the environment that is
 * not the stack's is refused: that identity would have no RBAC in the cluster the stack's role created.
 */
export function alibabaCloudIdentity(
  role: { roleArn: string },
  stack: string,
  env: Readonly<Record<string, string | undefined>>,
  rolePath: string,
): { identity: AlibabaCloudIdentity } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const envRole = env[ALIBABA_CLOUD_ENV.roleArn];
  if (envRole && envRole !== role.roleArn) {
    problems.push({
      path: envPath(ALIBABA_CLOUD_ENV.roleArn),
      reason: `names ${envRole}, but every run of this stack assumes ${role.roleArn} (${rolePath}), the cluster's creator`,
      fix: `unset ${ALIBABA_CLOUD_ENV.roleArn}, or set it to ${role.roleArn}`,
    });
  }
  const oidcProviderArn = env[ALIBABA_CLOUD_ENV.oidcProviderArn];
  const oidcTokenFile = env[ALIBABA_CLOUD_ENV.oidcTokenFile];
  if (Boolean(oidcProviderArn) !== Boolean(oidcTokenFile)) {
    const [set, unset] = oidcProviderArn
      ? [ALIBABA_CLOUD_ENV.oidcProviderArn, ALIBABA_CLOUD_ENV.oidcTokenFile]
      : [ALIBABA_CLOUD_ENV.oidcTokenFile, ALIBABA_CLOUD_ENV.oidcProviderArn];
    problems.push({
      path: envPath(unset),
      reason: `is not set, but ${set} is: OIDC needs both`,
      fix: `set ${unset} too, or unset ${set} to use the provider's own credential`,
    });
  }
  if (problems.length > 0) return { problems };
  const base = { roleArn: role.roleArn, sessionName: roleSessionName(stack) };
  return {
    identity:
      oidcProviderArn && oidcTokenFile
        ? { kind: "assumeRoleWithOidc", ...base, oidcProviderArn, oidcTokenFile }
        : { kind: "assumeRole", ...base },
  };
}

/** The alicloud provider's arguments for an identity (field names of @pulumi/alicloud's ProviderArgs). */
export function providerCredentials(
  identity: AlibabaCloudIdentity,
): Pick<ProviderArgs, "assumeRole" | "assumeRoleWithOidc"> {
  switch (identity.kind) {
    case "assumeRole":
      return { assumeRole: { roleArn: identity.roleArn, sessionName: identity.sessionName } };
    case "assumeRoleWithOidc":
      return {
        assumeRoleWithOidc: {
          roleArn: identity.roleArn,
          roleSessionName: identity.sessionName,
          oidcProviderArn: identity.oidcProviderArn,
          oidcTokenFile: identity.oidcTokenFile,
        },
      };
    default: {
      const unhandled: never = identity;
      return unhandled;
    }
  }
}
