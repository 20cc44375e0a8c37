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
