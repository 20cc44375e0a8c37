/**
 * Something wrong with a configuration — a stack file, a config.toml, chart values — named by where it is, what
 * is wrong and, when it can be named, how to fix it. Config, the config.toml model and the importers all report
 * problems in this one shape.
 */
export interface Problem {
  /** Key path, e.g. `gitlab-ci-platform:fleets[1].cache.size` or `runners[0].kubernetes.cpu_limit`. */
  path: string;
  /** What is wrong, e.g. `"lots" is not valid`. */
  reason: string;
  /** What to do about it; absent only where nothing better than the reason can be said. */
  fix?: string;
}

/** `<path>: <what is wrong> — <how to fix>` */
export function formatProblem(problem: Problem): string {
  const where = problem.path === "" ? "(top level)" : problem.path;
  return problem.fix ? `${where}: ${problem.reason} — ${problem.fix}` : `${where}: ${problem.reason}`;
}

/** Thrown once, before anything is created, with every problem found. */
export class ProblemsError extends Error {
  constructor(
    what: string,
    public readonly problems: readonly Problem[],
  ) {
    super(
      `${what} (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join("\n"),
    );
  }
}
