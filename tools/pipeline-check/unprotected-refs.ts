import { listJobs, type ScratchRepo } from "./gitlab-ci-local";

/**
 * Predefined variables of the pipelines that run on refs GitLab does not protect by default: a push to a branch
 * other than the default one, and a merge request's pipeline (on its source branch, which GitLab does not name
 * as a branch).
 */
const UNPROTECTED_PIPELINES: Record<string, string>[] = [
  {
    CI_PIPELINE_SOURCE: "push",
    CI_COMMIT_BRANCH: "feature",
    CI_COMMIT_REF_NAME: "feature",
    CI_COMMIT_TAG: "",
  },
  {
    CI_PIPELINE_SOURCE: "merge_request_event",
    CI_MERGE_REQUEST_IID: "1",
    CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: "feature",
    CI_COMMIT_REF_NAME: "feature",
    CI_COMMIT_BRANCH: "",
    CI_COMMIT_TAG: "",
  },
];

/**
 * The variables the pipeline's rules read that are neither predefined nor set in the file: CI/CD variables of the
 * project, assumed set (so a rule such as `$PULUMI_ACCESS_TOKEN` admits its job, as it does once they exist).
 */
function projectVariablesInRules(pipeline: Record<string, unknown>): Record<string, string> {
  const fileVariables = Object.keys((pipeline.variables as Record<string, unknown> | undefined) ?? {});
  const conditions: string[] = [];
  const collect = (value: unknown, key?: string) => {
    if (key === "if" && typeof value === "string") conditions.push(value);
    else if (Array.isArray(value)) value.forEach((v) => collect(v));
    else if (typeof value === "object" && value !== null)
      Object.entries(value).forEach(([k, v]) => collect(v, k));
  };
  collect(pipeline);
  const names = conditions.flatMap((c) => [...c.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]));
  return Object.fromEntries(
    names
      .filter((name) => !/^(CI|GITLAB)_/.test(name) && !fileVariables.includes(name))
      .map((name) => [name, "set"]),
  );
}

/**
 * The jobs that run (not `never`, as gitlab-ci-local evaluates their rules) in a pipeline of an unprotected ref,
 * by the name the expanded pipeline gives them (a `parallel: matrix` job is listed once per entry,
 * `name: [values]`).
 */
export function unprotectedRefJobs(repo: ScratchRepo, pipeline: Record<string, unknown>): Set<string> {
  const assumed = projectVariablesInRules(pipeline);
  return new Set(
    UNPROTECTED_PIPELINES.flatMap((predefined) =>
      [...listJobs(repo, { variables: { ...assumed, ...predefined }, schemaValidation: false }).values()]
        .filter((job) => job.when !== "never")
        .map((job) => job.name.replace(/: \[.*\]$/, "")),
    ),
  );
}
