import { parse, stringify } from "yaml";

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

interface KubeconfigDocument {
  "current-context"?: string;
  contexts?: { name: string; context?: { cluster?: string } }[];
  clusters?: { name: string; cluster?: { server?: string; "certificate-authority-data"?: string } }[];
}

/**
 * The API server and CA of a kubeconfig's current context, e.g. the admin kubeconfig a created cluster returns:
 * what deploy kubeconfigs need to reach the same cluster. Throws when the kubeconfig names no server or CA.
 */
export function endpointOfKubeconfig(kubeconfig: string): ClusterEndpoint {
  const doc = (parse(kubeconfig) ?? {}) as KubeconfigDocument;
  const context = doc.contexts?.find((c) => c.name === doc["current-context"]);
  const name = context?.context?.cluster ?? doc.clusters?.[0]?.name;
  const cluster = doc.clusters?.find((c) => c.name === name)?.cluster;
  const server = cluster?.server;
  const caData = cluster?.["certificate-authority-data"];
  if (!server || !caData) {
    throw new Error(
      `the cluster's kubeconfig has no ${server ? "certificate-authority-data" : "server"} for its current context`,
    );
  }
  return { server, caData };
}
