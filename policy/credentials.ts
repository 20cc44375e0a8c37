export { credentialIn, isCredentialName } from "./facts";

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
