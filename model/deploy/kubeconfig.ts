import { stringify } from "yaml";

/** How to reach a cluster's API server: what a cluster component (existing or created) provides. */
export interface ClusterEndpoint {
  /** API server URL, e.g. `https://10.0.0.1:6443`. */
  server: string;
  /** The CA that signed the API server's certificate, base64 of the PEM (kubeconfig `certificate-authority-data`). */
  caData: string;
}

export interface KubeconfigInput {
  cluster: ClusterEndpoint;
  /** The ServiceAccount's bearer token (plain text, not base64). */
  token: string;
  /** The namespace kubectl uses when a command names none. */
  namespace: string;
  /** Name of the one context (also of the cluster and user entries). */
  contextName: string;
}

/** base64 of a PEM text, as kubeconfig's `certificate-authority-data` wants it. */
export function caDataFromPem(pem: string): string {
  return Buffer.from(pem, "utf8").toString("base64");
}

/**
 * A kubeconfig with one cluster, one token user and one context, current, pinned to the namespace. The same
 * input always gives the same text.
 */
export function buildKubeconfig(input: KubeconfigInput): string {
  const name = input.contextName;
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [
      { name, cluster: { server: input.cluster.server, "certificate-authority-data": input.cluster.caData } },
    ],
    users: [{ name, user: { token: input.token } }],
    contexts: [{ name, context: { cluster: name, user: name, namespace: input.namespace } }],
    "current-context": name,
    preferences: {},
  });
}
