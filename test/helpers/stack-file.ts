import * as fs from "node:fs";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import type { StackConfig } from "../../config";
import { loadOfflineStackConfig } from "../../tools/synth/stack-config";

/** A committed stack file (Pulumi.<stack>.yaml) loaded and validated as the program loads it, offline. */
export function loadStackFile(stack: string): StackConfig {
  return loadOfflineStackConfig(path.resolve(__dirname, "../.."), stack);
}

/**
 * Writes Pulumi.<stack>.yaml derived from a committed stack file (its `config` changed in place) into the project
 * root, for synth and the CLIs to find; returns its path, for the test to remove.
 */
export function writeStackVariant(
  stack: string,
  change: (config: Record<string, unknown>) => void,
  from = "dev",
): string {
  const root = path.resolve(__dirname, "../..");
  const doc = parse(fs.readFileSync(path.join(root, `Pulumi.${from}.yaml`), "utf8"));
  change(doc.config);
  const file = path.join(root, `Pulumi.${stack}.yaml`);
  fs.writeFileSync(file, stringify(doc));
  return file;
}
