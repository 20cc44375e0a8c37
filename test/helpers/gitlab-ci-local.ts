import { join, resolve } from "node:path";
import {
  includeComponentsFromRepo as includeFrom,
  type JobRun,
  type ListedJob,
  listJobs as listFrom,
  previewPipeline as previewFrom,
  runJobs as runFrom,
  type ScratchOptions,
  type ScratchRepo,
  scratchRepo as scratchFrom,
} from "../../tools/pipeline-check/gitlab-ci-local";

export type { JobRun, ListedJob, ScratchRepo };

// The tests validate against GitLab's schema themselves (with the reference copy); gitlab-ci-local need not.
const OWN_VALIDATION = { schemaValidation: false };

export const listJobs = (repo: ScratchRepo, variables: Record<string, string> = {}): Map<string, ListedJob> =>
  listFrom(repo, { variables, ...OWN_VALIDATION });

export const previewPipeline = (repo: ScratchRepo, variables: Record<string, string> = {}) =>
  previewFrom(repo, { variables, ...OWN_VALIDATION });

export const runJobs = (
  repo: ScratchRepo,
  jobs: string[],
  options: { variables?: Record<string, string>; env?: NodeJS.ProcessEnv } = {},
): Promise<JobRun> => runFrom(repo, jobs, { ...options, ...OWN_VALIDATION });

export const ROOT = resolve(__dirname, "../..");
/** The project the examples include the components from (the stacks' pipelineComponents.project). */
export const COMPONENT_PROJECT = "platform/ci-components";

/** A scratch repository of this repository's files (repository path → path in the scratch repository). */
export function scratchRepo(files: Record<string, string>, options: ScratchOptions = {}): ScratchRepo {
  const absolute = Object.fromEntries(Object.entries(files).map(([from, to]) => [join(ROOT, from), to]));
  return scratchFrom(absolute, { project: "platform/shop", ...options });
}

/** The components the examples include, taken from the repository's own templates/ (copied into the scratch). */
export function includeComponentsFromRepo(repo: ScratchRepo, pipelineFile = ".gitlab-ci.yml"): void {
  includeFrom(repo, COMPONENT_PROJECT, pipelineFile);
}
