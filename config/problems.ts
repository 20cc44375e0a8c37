/** One thing wrong with the stack configuration: where, what, and how to fix it. */
export interface ConfigProblem {
  /** Key path, e.g. `gitlab-ci-platform:fleets[1].cache.size`. */
  path: string;
  reason: string;
  fix: string;
}

export function formatConfigProblem(problem: ConfigProblem): string {
  return `${problem.path}: ${problem.reason} — ${problem.fix}`;
}

/** Thrown once, before any resource is registered, with every problem found. */
export class ConfigValidationError extends Error {
  constructor(public readonly problems: ConfigProblem[]) {
    super(
      `invalid stack configuration (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` +
        problems.map((p) => `  ${formatConfigProblem(p)}`).join("\n"),
    );
    this.name = "ConfigValidationError";
  }
}
