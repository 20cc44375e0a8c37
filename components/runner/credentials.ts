import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { dockerConfigJson } from "../../model/docker-config";
import { FleetScope, metadata } from "./fleet-scope";

export interface RegistryCredential {
  server: string;
  username: string;
  password: pulumi.Input<string>;
}

/** The runner token, read by the manager through an environment variable. */
export function tokenSecret(scope: FleetScope, token: pulumi.Output<string>): k8s.core.v1.Secret {
  return new k8s.core.v1.Secret(
    `${scope.name}-token`,
    {
      metadata: metadata(scope, scope.names.tokenSecret, scope.managerNamespace),
      type: "Opaque",
      stringData: { "runner-token": token },
    },
    { parent: scope.parent },
  );
}

/** The registry credential in the job namespace: image pull secret, and kaniko's push credential. */
export function registrySecret(scope: FleetScope, registry: RegistryCredential): k8s.core.v1.Secret {
  const json = pulumi
    .output(registry.password)
    .apply((password) => dockerConfigJson(registry.server, registry.username, password));
  return new k8s.core.v1.Secret(
    `${scope.name}-registry`,
    {
      metadata: metadata(scope, scope.names.registrySecret, scope.jobNamespace, "ci-jobs"),
      type: "kubernetes.io/dockerconfigjson",
      stringData: { ".dockerconfigjson": pulumi.secret(json) },
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
): k8s.core.v1.Secret {
  const key = pulumi.output(gitSsh.privateKey).apply((k) => (k.endsWith("\n") ? k : `${k}\n`));
  return new k8s.core.v1.Secret(
    `${scope.name}-git-ssh`,
    {
      metadata: metadata(scope, scope.names.gitSshSecret, scope.jobNamespace, "ci-jobs"),
      type: "kubernetes.io/ssh-auth",
      stringData: { "ssh-privatekey": pulumi.secret(key), known_hosts: gitSsh.knownHosts },
    },
    { parent: scope.parent },
  );
}

/** S3 cache keys, given to the manager as AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY for the S3 client to pick up. */
export function cacheSecret(
  scope: FleetScope,
  creds: { accessKey: pulumi.Input<string>; secretKey: pulumi.Input<string> },
): k8s.core.v1.Secret {
  return new k8s.core.v1.Secret(
    `${scope.name}-cache-s3`,
    {
      metadata: metadata(scope, scope.names.cacheSecret, scope.managerNamespace),
      type: "Opaque",
      stringData: { accesskey: pulumi.secret(creds.accessKey), secretkey: pulumi.secret(creds.secretKey) },
    },
    { parent: scope.parent },
  );
}

/** The CA of a GitLab with a private certificate: public, so a ConfigMap. */
export function gitlabCaConfigMap(scope: FleetScope, pem: string): k8s.core.v1.ConfigMap {
  return new k8s.core.v1.ConfigMap(
    `${scope.name}-gitlab-ca`,
    { metadata: metadata(scope, scope.names.caConfigMap, scope.managerNamespace), data: { "ca.crt": pem } },
    { parent: scope.parent },
  );
}
