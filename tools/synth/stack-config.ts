import { loadStackConfig, PROJECT, secretsNeeded, type StackConfig } from "../../config";
import { environmentOf } from "../../model/environment";
import {
  readProjectFile,
  readStackSettings,
  withSecretPlaceholders,
  type StackSettings,
} from "./project-files";
import { settingsReader } from "./settings-reader";

/**
 * What the CLI hands the program for a stack, read from its files: the project name, the config as engine strings
 * and the secret keys. Secrets the files cannot give (encrypted, or kept only in real stacks) are labelled
 * placeholders.
 */
export function offlineStackSettings(
  root: string,
  stack: string,
): { project: string; settings: StackSettings } {
  const project = readProjectFile(root);
  const settings = readStackSettings(root, stack, project);
  const needed = secretsNeeded(settingsReader(settings)).map((k) => `${PROJECT}:${k}`);
  return { project: project.name, settings: withSecretPlaceholders(settings, needed) };
}

/** A stack's configuration read from its files and validated as the program validates it, without a runtime. */
export function loadOfflineStackConfig(root: string, stack: string): StackConfig {
  const { settings } = offlineStackSettings(root, stack);
  return loadStackConfig(settingsReader(settings), environmentOf(stack));
}
