/** Words that, as the last word of a name, mark it as holding a credential. */
const CREDENTIAL_WORDS = new Set([
  "token",
  "password",
  "passwd",
  "secret",
  "secretkey",
  "accesskey",
  "privatekey",
  "apikey",
  "credential",
  "credentials",
  "kubeconfig",
  "auth",
  "dockerconfigjson",
]);

/** The words of a name in camelCase, snake_case, kebab-case or dotted form, lower-cased. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/**
 * Whether a key names a credential (`GITLAB_TOKEN`, `registryPassword`, `AWS_SECRET_ACCESS_KEY`, `kubeconfig`),
 * judged by its last word (or last two joined), so `tokenExpiresAt` or `SECRET_NAME` do not count.
 */
export function isCredentialName(name: string): boolean {
  const parts = words(name);
  const last = parts.at(-1) ?? "";
  const lastTwo = parts.slice(-2).join("");
  return CREDENTIAL_WORDS.has(last) || CREDENTIAL_WORDS.has(lastTwo);
}

const CREDENTIAL_PATTERNS: Array<[RegExp, string]> = [
  [/\bglrt-[A-Za-z0-9_-]{8,}/, "a GitLab runner authentication token (glrt-)"],
  [/\bGR1348941[A-Za-z0-9_-]{8,}/, "a GitLab runner registration token"],
  [/\bgl(pat|dt|ptt|cbt|oas|ft|imt|agent)-[A-Za-z0-9_-]{8,}/, "a GitLab access token"],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, "a private key"],
  [/\b(client-key-data|token):\s*\S{8,}/, "a kubeconfig credential"],
  [/\bAKIA[0-9A-Z]{16}\b/, "an AWS access key"],
  [/\bLTAI[0-9A-Za-z]{12,}\b/, "an Alibaba Cloud AccessKey"],
  [/"auths"\s*:\s*\{[^}]*"auth"\s*:\s*"[^"]+"/, "a Docker registry credential"],
  // user:password@ in a URL (a proxy, a registry, a Git remote); a $VAR reference in its place is no literal.
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s/@:]+:(?!\$)[^\s/@]+@/i, "a password in a URL (user:password@)"],
];

/** What kind of credential a text holds, if it looks like one. */
export function credentialIn(text: string): string | undefined {
  return CREDENTIAL_PATTERNS.find(([pattern]) => pattern.test(text))?.[1];
}
