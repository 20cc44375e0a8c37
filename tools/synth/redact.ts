import { SECRET_SIG, SECRET_SIG_KEY, isSecretValue } from "./engine";

export const REDACTED = "[redacted]";

/** Replaces every secret value with the export format's secret marker, keeping no plaintext. */
export function redactForExport(value: unknown): unknown {
  if (isSecretValue(value)) return { [SECRET_SIG_KEY]: SECRET_SIG, ciphertext: REDACTED };
  return mapValues(value, redactForExport);
}

/** Replaces every secret value with a readable marker, for files meant to be read (YAML, summary). */
export function redactForReading(value: unknown): unknown {
  if (isSecretValue(value)) return REDACTED;
  return mapValues(value, redactForReading);
}

function mapValues(value: unknown, f: (v: unknown) => unknown): unknown {
  if (Array.isArray(value)) return value.map(f);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, f(v)]));
  }
  return value;
}
