import { resolve } from "node:path";
import type { StackConfig } from "../../config";
import { loadOfflineStackConfig } from "../../tools/synth/stack-config";

/** A committed stack file (Pulumi.<stack>.yaml) loaded and validated as the program loads it, offline. */
export function loadStackFile(stack: string): StackConfig {
  return loadOfflineStackConfig(resolve(__dirname, "../.."), stack);
}
