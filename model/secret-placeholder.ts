/**
 * Marks a value that offline synth put in place of a secret it cannot decrypt; it names the key so output stays
 * readable. Checks that need the plaintext (can GitLab mask it?) skip such a value: `pulumi up` has the real one.
 */
export function secretPlaceholder(fullKey: string): string {
  return `[secret ${fullKey}]`;
}

export function isSecretPlaceholder(text: string): boolean {
  return /^\[secret [^\]\s]+\]$/.test(text);
}
