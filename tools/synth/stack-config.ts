import { loadStackConfig, PROJECT, secretsNeeded, type StackConfig } from "../../config";
import { environmentOf } from "../../model/environment";
import { readProjectFile, readStackSettings, withSecretPlaceholders } from "./project-files";
import { settingsReader } from "./settings-reader";

/**
 * A stack's configuration read from its files and validated as the program validates it, without a runtime:
 * secrets the files cannot give (encrypted, or kept only in real stacks) are labelled placeholders.
 */
export function loadOfflineStackConfig(root: string, stack: string): StackConfig {
  const settings = readStackSettings(root, stack, readProjectFile(root));
  const needed = secretsNeeded(settingsReader(settings)).map((k) => `${PROJECT}:${k}`);
  return loadStackConfig(settingsReader(withSecretPlaceholders(settings, needed)), environmentOf(stack));
}
