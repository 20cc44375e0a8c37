import { offlineStackSettings } from "../synth/stack-config";

export interface ProgramLaunch {
  /** Arguments after the program-start script: the project and the stack. */
  args: string[];
  /** The environment the CLI gives the language host: the stack's configuration and its secret keys. */
  env: Record<string, string>;
}

/** How the CLI would start the program for a stack, from the stack's files (read here, outside the measurement). */
export function programLaunch(root: string, stack: string): ProgramLaunch {
  const { project, settings } = offlineStackSettings(root, stack);
  return {
    args: [project, stack],
    env: {
      PULUMI_CONFIG: JSON.stringify(settings.config),
      PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(settings.secretKeys),
    },
  };
}
