/**
 * Where agentk dials GitLab's agent server (KAS). GitLab.com serves it at its own host; a self-managed GitLab
 * serves it under its own URL, as Omnibus GitLab configures it by default (gitlab_kas external_url): the WebSocket
 * scheme of the instance's (`wss` for https, `ws` for http), the same host and port, `/-/kubernetes-agent/` below
 * the instance's path.
 */
export function defaultKasAddress(gitlabUrl: string): string {
  const url = new URL(gitlabUrl);
  if (url.hostname === "gitlab.com") return "wss://kas.gitlab.com";
  const scheme = url.protocol === "https:" ? "wss" : "ws";
  const root = url.pathname.replace(/\/+$/, "");
  return `${scheme}://${url.host}${root}/-/kubernetes-agent/`;
}

/** The schemes agentk dials: WebSocket or gRPC, each with TLS or (only fit for a dev stack) without. */
export const KAS_SCHEMES = { wss: true, grpcs: true, ws: false, grpc: false } as const satisfies Record<
  string,
  boolean
>;
export type KasScheme = keyof typeof KAS_SCHEMES;

export interface KasEndpoint {
  scheme: KasScheme;
  /** Whether the connection is encrypted. */
  tls: boolean;
  /** The TCP port agentk connects to. */
  port: number;
}

/** The scheme, encryption and port of a KAS address, or undefined when it is not one agentk dials. */
export function kasEndpoint(address: string): KasEndpoint | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  const scheme = url.protocol.replace(/:$/, "");
  if (!(scheme in KAS_SCHEMES) || url.hostname === "") return undefined;
  const tls = KAS_SCHEMES[scheme as KasScheme];
  return { scheme: scheme as KasScheme, tls, port: url.port ? Number(url.port) : tls ? 443 : 80 };
}
