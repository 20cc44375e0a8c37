import { loadStackConfig, PROJECT, secretsNeeded, setSecretCommand, type StackConfig } from "../../config";
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
): { project: string; settings: StackSettings; missingSecrets: MissingSecret[] } {
  const project = readProjectFile(root);
  const read = readStackSettings(root, stack, project);
  const needed = secretsNeeded(settingsReader(read)).map((need) => ({
    ...need,
    fullKey: `${PROJECT}:${need.key}`,
  }));
  const { settings, missing } = withSecretPlaceholders(read, needed);
  return {
    project: project.name,
    settings,
    missingSecrets: missing.map((m) => ({
      path: m.entry === undefined ? m.fullKey : `${m.fullKey}.${m.entry}`,
      because: m.because,
      command: setSecretCommand(m.key, m.entry),
    })),
  };
}

/** A secret the stack file does not hold yet: `pulumi up` needs it set first. */
export interface MissingSecret {
  /** Full key path, e.g. `gitlab-ci-platform:variableSecrets.sonarToken`. */
  path: string;
  because: string;
  /** The command that sets it. */
  command: string;
}

/** A stack's configuration read from its files and validated as the program validates it, without a runtime. */
export function loadOfflineStackConfig(root: string, stack: string): StackConfig {
  const { settings } = offlineStackSettings(root, stack);
  return loadStackConfig(settingsReader(settings), environmentOf(stack));
}
