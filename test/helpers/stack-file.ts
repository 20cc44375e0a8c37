import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { loadStackConfig, PROJECT, secretsNeeded, type StackConfig } from "../../config";
import { environmentOf } from "../../model/environment";
import { fakeReader } from "./config-reader";

const ROOT = resolve(__dirname, "../..");

/**
 * A committed stack file (Pulumi.<stack>.yaml) loaded and validated as the program loads it, with placeholder
 * values for the secrets it needs (the committed files hold none).
 */
export function loadStackFile(stack: string): StackConfig {
  const doc = parse(readFileSync(join(ROOT, `Pulumi.${stack}.yaml`), "utf8")) as {
    config: Record<string, unknown>;
  };
  const prefix = `${PROJECT}:`;
  const values = Object.fromEntries(
    Object.entries(doc.config)
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, value]) => [key.slice(prefix.length), value]),
  );
  const secrets = secretsNeeded(fakeReader(values));
  const placeholders = Object.fromEntries(secrets.map((key) => [key, placeholder(key, values)]));
  return loadStackConfig(fakeReader({ ...values, ...placeholders }, secrets), environmentOf(stack));
}

/** A stand-in for a secret; the map of variable secrets holds one entry per name the variables use. */
function placeholder(key: string, values: Record<string, unknown>): unknown {
  if (key !== "variableSecrets") return `test-${key}`;
  const variables = (values.variables ?? []) as { secret?: string }[];
  return Object.fromEntries(variables.flatMap((v) => (v.secret ? [[v.secret, `test-${v.secret}`]] : [])));
}
