import * as pulumi from "@pulumi/pulumi";
import { PROJECT } from "./schema";

/** What the loader needs from Pulumi's configuration, so it can be fed from the engine or from a test. */
export interface ConfigReader {
  /** Every key set for the project's namespace, without the `gitlab-ci-platform:` prefix. */
  projectKeys(): string[];
  /** Every key of other namespaces (`gitlab:token`, `gitlab-ci-platfrom:variables`), as full keys. */
  foreignKeys(): string[];
  /** The raw value as the engine passes it (objects and arrays arrive as JSON text). */
  raw(key: string): string | undefined;
  /** Whether the stack stores this key encrypted (`pulumi config set --secret`). */
  isSecret(key: string): boolean;
  /** The value as a secret Output. */
  secret(key: string): pulumi.Output<string> | undefined;
  /**
   * Parts of a secret key that the stack file holds in plain text beside its encrypted ones (`variableSecrets:
   * {a: {secure: …}, b: plain}` gives `["b"]`). The engine decrypts before the program runs, so only a reader of
   * the stack file can tell; the engine's reader returns none.
   */
  plainTextParts(key: string): string[];
}

// Not in the published typings, but exported by the runtime and used by Config.getSecret itself.
const runtimeWithSecrets = pulumi.runtime as unknown as { isConfigSecret?: (fullKey: string) => boolean };

/** Reads the configuration the Pulumi engine (or the mock runtime) passes to the program. */
export function pulumiConfigReader(): ConfigReader {
  const config = new pulumi.Config(PROJECT);
  const all = pulumi.runtime.allConfig();
  const prefix = `${PROJECT}:`;
  return {
    projectKeys: () =>
      Object.keys(all)
        .filter((k) => k.startsWith(prefix))
        .map((k) => k.slice(prefix.length)),
    foreignKeys: () => Object.keys(all).filter((k) => !k.startsWith(prefix)),
    raw: (key) => all[prefix + key],
    isSecret: (key) => runtimeWithSecrets.isConfigSecret?.(prefix + key) ?? false,
    secret: (key) => config.getSecret(key),
    plainTextParts: () => [],
  };
}
