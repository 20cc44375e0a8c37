import { join, resolve } from "node:path";
import {
  includeComponentsFromRepo as includeFrom,
  type ScratchOptions,
  type ScratchRepo,
  scratchRepo as scratchFrom,
} from "../../tools/pipeline-check/gitlab-ci-local";

export {
  type JobRun,
  type ListedJob,
  listJobs,
  previewPipeline,
  runJobs,
  type ScratchRepo,
} from "../../tools/pipeline-check/gitlab-ci-local";

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
