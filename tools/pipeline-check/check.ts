import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fleetOffer, jobProblems, TEMPLATES_DIR } from "../../model/pipelines";
import type { Problem } from "../../model/problems";
import { loadOfflineStackConfig } from "../synth/stack-config";
import { includeComponentsFromRepo, previewPipeline, scratchRepo } from "./gitlab-ci-local";
import { expandedJobs } from "./jobs";

export interface PipelineCheck {
  /** The jobs of the expanded pipeline. */
  jobs: string[];
  problems: Problem[];
}

export class PipelineInputError extends Error {}

/**
 * Expands an application's pipeline as gitlab-ci-local reads it — the components the stack publishes taken from
 * this repository's templates/ — and checks every job against the stack's fleets.
 */
export function checkPipeline(options: {
  root: string;
  stack: string;
  appDir: string;
  pipeline?: string;
}): PipelineCheck {
  const appDir = resolve(options.appDir);
  const pipeline = resolve(options.pipeline ?? join(appDir, ".gitlab-ci.yml"));
  if (!existsSync(pipeline))
    throw new PipelineInputError(`${pipeline} does not exist: name the pipeline with --pipeline`);
  const config = loadOfflineStackConfig(options.root, options.stack);
  const repo = scratchRepo({
    [appDir]: ".",
    [pipeline]: ".gitlab-ci.yml",
    [join(options.root, TEMPLATES_DIR)]: TEMPLATES_DIR,
  });
  try {
    if (config.pipelineComponents) includeComponentsFromRepo(repo, config.pipelineComponents.project);
    const jobs = expandedJobs(previewPipeline(repo));
    const fleets = config.fleets.map(fleetOffer);
    return { jobs: jobs.map((j) => j.name), problems: jobs.flatMap((job) => jobProblems(job, fleets)) };
  } finally {
    repo.remove();
  }
}
