import * as corev1 from "@pulumi/kubernetes/core/v1";
import * as pulumi from "@pulumi/pulumi";
import { dockerConfigJson } from "../../model/docker-config";
import {
  type CredentialSecretPlan,
  DATA_KEYS,
  requireRunnerToken,
  type SecretValue,
} from "../../model/fleet";
import { FleetScope, metadata } from "./fleet-scope";

/**
 * The values a fleet's credential Secrets are filled from, by name: the stack's secrets under their keys
 * (registryPassword, gitSshPrivateKey, cacheS3AccessKey, …) and values the stack creates (the OSS cache's
 * ossCacheAccessKey and ossCacheSecretKey). The plan names those the fleet uses.
 */
export type CredentialValues = Readonly<Record<string, pulumi.Input<string> | undefined>>;

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

/** A credential Secret exactly as the plan lists it, its values secret in inputs and state. */
export function credentialSecret(
  scope: FleetScope,
  secret: CredentialSecretPlan,
  values: CredentialValues,
): corev1.Secret {
  const data = Object.entries(secret.data).map(([key, value]) => [key, secretValue(value, values)]);
  return new corev1.Secret(
    `${scope.name}-${secret.suffix}`,
    {
      metadata: metadata(scope, secret.name, secret.namespace, secret.component),
      type: secret.type,
      stringData: Object.fromEntries(data),
    },
    { parent: scope.parent },
  );
}

/** The values a Secret is filled from, in its data's order: what a checksum of it covers. */
export function valuesOf(secret: CredentialSecretPlan, values: CredentialValues): pulumi.Input<string>[] {
  return Object.values(secret.data).flatMap((value) => ("from" in value ? [held(values, value.from)] : []));
}

function secretValue(value: SecretValue, values: CredentialValues): pulumi.Input<string> {
  switch (value.kind) {
    case "value":
      return pulumi.secret(held(values, value.from));
    case "dockerConfig": {
      const { server, username } = value;
      const json = pulumi
        .output(held(values, value.from))
        .apply((p) => dockerConfigJson(server, username, p));
      return pulumi.secret(json);
    }
    case "sshKey": {
      const key = pulumi.output(held(values, value.from)).apply((k) => (k.endsWith("\n") ? k : `${k}\n`));
      return pulumi.secret(key);
    }
    case "text":
      return value.text;
    default: {
      const unhandled: never = value;
      return unhandled;
    }
  }
}

/** A value the plan lists: it does so only for values the fleet was given, so a missing one is a broken plan. */
function held(values: CredentialValues, name: string): pulumi.Input<string> {
  const value = values[name];
  if (value === undefined)
    throw new Error(`the fleet's plan fills a Secret from ${name}, which it was not given`);
  return value;
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
