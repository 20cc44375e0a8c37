export { isCredentialName } from "../model/credential-names";

const CREDENTIAL_PATTERNS: Array<[RegExp, string]> = [
  [/\bglrt-[A-Za-z0-9_-]{8,}/, "a GitLab runner authentication token (glrt-)"],
  [/\bGR1348941[A-Za-z0-9_-]{8,}/, "a GitLab runner registration token"],
  [/\bgl(pat|dt|ptt|cbt|oas|ft|imt|agent)-[A-Za-z0-9_-]{8,}/, "a GitLab access token"],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, "a private key"],
  [/\b(client-key-data|token):\s*\S{8,}/, "a kubeconfig credential"],
  [/\bAKIA[0-9A-Z]{16}\b/, "an AWS access key"],
  [/\bLTAI[0-9A-Za-z]{12,}\b/, "an Alibaba Cloud AccessKey"],
  [/"auths"\s*:\s*\{[^}]*"auth"\s*:\s*"[^"]+"/, "a Docker registry credential"],
];

/** What kind of credential a text holds, if it looks like one. */
export function credentialIn(text: string): string | undefined {
  return CREDENTIAL_PATTERNS.find(([pattern]) => pattern.test(text))?.[1];
}

/** Whether a text is a kubeconfig (YAML or JSON with `kind: Config` and clusters or users). */
export function isKubeconfig(text: string): boolean {
  return /\bkind"?\s*:\s*"?Config\b/.test(text) && /\b(clusters|users)"?\s*:/.test(text);
}

/** Why a kubeconfig is an administrator's, if it is: a client certificate or an admin user or context name. */
export function adminKubeconfigReason(text: string): string | undefined {
  if (/client-key-data\s*:/.test(text))
    return "it authenticates with a client certificate (typically the cluster administrator's)";
  if (/\b(user|name)"?\s*:\s*"?(kubernetes-admin|cluster-admin|admin)\b/.test(text))
    return "it names an admin user or context";
  return undefined;
}

/** The text itself, or what it decodes to when it is base64 of a kubeconfig (how seed 000 stored its kube_config). */
export function kubeconfigText(text: string): string | undefined {
  if (isKubeconfig(text)) return text;
  const compact = text.replace(/\s+/g, "");
  if (compact.length < 40 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
  const decoded = Buffer.from(compact, "base64").toString("utf8");
  return isKubeconfig(decoded) ? decoded : undefined;
}
