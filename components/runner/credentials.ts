import * as corev1 from "@pulumi/kubernetes/core/v1";
import * as pulumi from "@pulumi/pulumi";
import { dockerConfigJson } from "../../model/docker-config";
import { DATA_KEYS, requireRunnerToken } from "../../model/fleet";
import { COMPONENTS } from "../../model/labels";
import { FleetScope, metadata } from "./fleet-scope";

export interface RegistryCredential {
  server: string;
  username: string;
  password: pulumi.Input<string>;
}

/** The runner token, read by the manager through an environment variable. */
export function tokenSecret(scope: FleetScope, token: pulumi.Output<string>): corev1.Secret {
  const { plan } = scope;
  return new corev1.Secret(
    `${scope.name}-token`,
    {
      metadata: metadata(scope, plan.names.tokenSecret, plan.managerNamespace),
      type: "Opaque",
      stringData: { [DATA_KEYS.runnerToken]: token.apply((t) => requireRunnerToken(plan.fleet, t)) },
    },
    { parent: scope.parent },
  );
}

/** The registry credential in the job namespace: image pull secret, and kaniko's push credential. */
export function registrySecret(scope: FleetScope, registry: RegistryCredential): corev1.Secret {
  const { plan } = scope;
  const json = pulumi
    .output(registry.password)
    .apply((password) => dockerConfigJson(registry.server, registry.username, password));
  return new corev1.Secret(
    `${scope.name}-registry`,
    {
      metadata: metadata(scope, plan.names.registrySecret, plan.jobNamespace, COMPONENTS.jobs),
      type: "kubernetes.io/dockerconfigjson",
      stringData: { [DATA_KEYS.dockerConfig]: pulumi.secret(json) },
    },
    { parent: scope.parent },
  );
}

/**
 * The Git SSH key (the standard `kubernetes.io/ssh-auth` Secret) and known_hosts, mounted read-only for jobs to
 * copy with the modes SSH wants. The key gets its final newline back: `"$(cat key)"` drops it, and OpenSSH
 * refuses a key without one.
 */
export function gitSshSecret(
  scope: FleetScope,
  gitSsh: { knownHosts: string; privateKey: pulumi.Input<string> },
): corev1.Secret {
  const { plan } = scope;
  const key = pulumi.output(gitSsh.privateKey).apply((k) => (k.endsWith("\n") ? k : `${k}\n`));
  return new corev1.Secret(
    `${scope.name}-git-ssh`,
    {
      metadata: metadata(scope, plan.names.gitSshSecret, plan.jobNamespace, COMPONENTS.jobs),
      type: "kubernetes.io/ssh-auth",
      stringData: {
        [DATA_KEYS.sshPrivateKey]: pulumi.secret(key),
        [DATA_KEYS.knownHosts]: gitSsh.knownHosts,
      },
    },
    { parent: scope.parent },
  );
}

/** S3 cache keys, given to the manager as AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY for the S3 client to pick up. */
export function cacheSecret(
  scope: FleetScope,
  creds: { accessKey: pulumi.Input<string>; secretKey: pulumi.Input<string> },
): corev1.Secret {
  const { plan } = scope;
  return new corev1.Secret(
    `${scope.name}-cache-s3`,
    {
      metadata: metadata(scope, plan.names.cacheSecret, plan.managerNamespace),
      type: "Opaque",
      stringData: {
        [DATA_KEYS.cacheAccessKey]: pulumi.secret(creds.accessKey),
        [DATA_KEYS.cacheSecretKey]: pulumi.secret(creds.secretKey),
      },
    },
    { parent: scope.parent },
  );
}

/** The GCS cache's service account key, mounted as the file config.toml's CredentialsFile names. */
export function cacheGcsSecret(scope: FleetScope, serviceAccountKey: pulumi.Input<string>): corev1.Secret {
  const { plan } = scope;
  return new corev1.Secret(
    `${scope.name}-cache-gcs`,
    {
      metadata: metadata(scope, plan.names.cacheGcsSecret, plan.managerNamespace),
      type: "Opaque",
      stringData: { [DATA_KEYS.gcsCredentials]: pulumi.secret(serviceAccountKey) },
    },
    { parent: scope.parent },
  );
}

/** The CA of a GitLab with a private certificate: public, so a ConfigMap. */
export function gitlabCaConfigMap(scope: FleetScope, pem: string): corev1.ConfigMap {
  const { plan } = scope;
  return new corev1.ConfigMap(
    `${scope.name}-gitlab-ca`,
    {
      metadata: metadata(scope, plan.names.caConfigMap, plan.managerNamespace),
      data: { [DATA_KEYS.gitlabCa]: pem },
    },
    { parent: scope.parent },
  );
}
