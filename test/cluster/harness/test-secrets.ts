import { clone, isRecord, KubeObject } from "./objects";

/** What synth writes in place of every secret value. */
export const REDACTED = "[redacted]";

const TEST_SSH_KEY = [
  "-----BEGIN OPENSSH PRIVATE KEY-----",
  "dGVzdCBrZXkgZm9yIHRoZSBjbHVzdGVyIHN1aXRlIG9ubHk=",
  "-----END OPENSSH PRIVATE KEY-----",
  "",
].join("\n");

/**
 * Replaces redacted Secret values with test values of the format the Secret's type demands (the API server
 * validates `kubernetes.io/dockerconfigjson`, `kubernetes.io/ssh-auth`, `kubernetes.io/tls` and others).
 */
export function withTestSecretValues(objects: KubeObject[]): KubeObject[] {
  return objects.map((object) =>
    object.kind === "Secret" && object.apiVersion === "v1" ? fillSecret(object) : object,
  );
}

function fillSecret(secret: KubeObject): KubeObject {
  const filled = clone(secret);
  const type = typeof secret.type === "string" ? secret.type : "Opaque";
  for (const field of ["stringData", "data"] as const) {
    const values = filled[field];
    if (!isRecord(values)) continue;
    for (const [key, value] of Object.entries(values)) {
      if (!isRedacted(value, field)) continue;
      const plain = testValue(type, key);
      values[key] = field === "data" ? Buffer.from(plain).toString("base64") : plain;
    }
  }
  return filled;
}

function isRedacted(value: unknown, field: "stringData" | "data"): boolean {
  if (typeof value !== "string") return false;
  const plain = field === "data" ? Buffer.from(value, "base64").toString("utf8") : value;
  return value === REDACTED || plain === REDACTED || plain.includes(REDACTED);
}

export function testValue(type: string, key: string): string {
  if (type === "kubernetes.io/dockerconfigjson" && key === ".dockerconfigjson") return dockerConfigJson();
  if (type === "kubernetes.io/dockercfg" && key === ".dockercfg") return JSON.stringify(dockerAuths());
  if (type === "kubernetes.io/ssh-auth" && key === "ssh-privatekey") return TEST_SSH_KEY;
  if (type === "kubernetes.io/basic-auth") return key === "username" ? "test-user" : "test-password";
  return `test-${key.replace(/[^A-Za-z0-9]/g, "-")}`;
}

export function dockerConfigJson(): string {
  return JSON.stringify({ auths: dockerAuths() });
}

function dockerAuths(): Record<string, { username: string; password: string; auth: string }> {
  const auth = Buffer.from("test-user:test-password").toString("base64");
  return { "registry.test.invalid": { username: "test-user", password: "test-password", auth } };
}
