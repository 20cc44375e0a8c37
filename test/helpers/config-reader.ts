import * as pulumi from "@pulumi/pulumi";
import { ConfigReader } from "../../config";

/**
 * A ConfigReader over plain values, as a stack file would hold them (secrets named in `secretKeys`). Keys with a
 * namespace of their own (`gitlab:token`) are other namespaces' keys.
 */
export function fakeReader(values: Record<string, unknown>, secretKeys: string[] = []): ConfigReader {
  const raw = (key: string) => {
    const v = values[key];
    if (v === undefined) return undefined;
    return typeof v === "string" ? v : JSON.stringify(v);
  };
  return {
    projectKeys: () => Object.keys(values).filter((k) => !k.includes(":")),
    foreignKeys: () => Object.keys(values).filter((k) => k.includes(":")),
    raw,
    isSecret: (key) => secretKeys.includes(key),
    secret: (key) => {
      const v = raw(key);
      return v === undefined ? undefined : pulumi.secret(v);
    },
    plainTextParts: () => [],
  };
}

/** A small valid configuration: one group fleet, the GitLab token set as a secret. */
export function validValues(): Record<string, unknown> {
  return {
    gitlab: { url: "https://gitlab.example.com", group: "platform" },
    fleets: [{ name: "k8s", tags: ["k8s"] }],
    gitlabToken: "glpat-test",
  };
}
