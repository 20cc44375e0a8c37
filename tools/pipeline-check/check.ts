import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseDocument, type Tags } from "yaml";
import {
  deployAccessProblems,
  fleetOffer,
  jobProblems,
  unprotectedRefProblems,
  TEMPLATES_DIR,
} from "../../model/pipelines";
import { agentContext } from "../../model/agent";
import type { Problem } from "../../model/problems";
import { loadOfflineStackConfig } from "../synth/stack-config";
import { PipelineInputError } from "./errors";
import { includeComponentsFromRepo, previewPipeline, scratchRepo } from "./gitlab-ci-local";
import { refuseOnlineIncludes } from "./includes";
import { expandedJobs, jobDefaults } from "./jobs";
import { unprotectedRefJobs } from "./unprotected-refs";

export { PipelineInputError };

export interface PipelineCheck {
  /** The jobs of the expanded pipeline. */
  jobs: string[];
  problems: Problem[];
}

/**
 * Expands an application's pipeline as gitlab-ci-local reads it — the components the stack publishes taken from
 * this repository's templates/ — and checks every job against the stack's fleets (a job that runs for feature
 * branches or merge requests against an unprotected one), and every deploying job's
 * environment against the stack's deploy access (of `project`, when given), unless its deploy jobs bring their
 * own credentials (`ownCredentials`: the platform's own pipeline, which deploys with Pulumi).
 */
export function checkPipeline(options: {
  root: string;
  stack: string;
  appDir: string;
  pipeline?: string;
  project?: string;
  ownCredentials?: boolean;
  /** Validate the pipeline against GitLab's schema too (on by default; a caller that validates it saves ~0.4 s). */
  schemaValidation?: boolean;
}): PipelineCheck {
  const appDir = resolve(options.appDir);
  const pipeline = resolve(options.pipeline ?? join(appDir, ".gitlab-ci.yml"));
  if (!existsSync(pipeline))
    throw new PipelineInputError(`${pipeline} does not exist: name the pipeline with --pipeline`);
  const config = loadOfflineStackConfig(options.root, options.stack);
  const raw = readPipeline(pipeline);
  refuseOnlineIncludes(raw, config.pipelineComponents?.project);
  const repo = scratchRepo({
    [appDir]: ".",
    [pipeline]: ".gitlab-ci.yml",
    [join(options.root, TEMPLATES_DIR)]: TEMPLATES_DIR,
  });
  try {
    if (config.pipelineComponents) includeComponentsFromRepo(repo, config.pipelineComponents.project);
    const expanded = previewPipeline(repo, { schemaValidation: options.schemaValidation });
    const jobs = expandedJobs(expanded, jobDefaults(raw));
    const fleets = config.fleets.map(fleetOffer);
    // Asking gitlab-ci-local which jobs run on unprotected refs costs two more runs: only when it can matter.
    const onlyProtected = jobs.some((job) => unprotectedRefProblems(job, fleets).length > 0);
    const onUnprotectedRefs = onlyProtected ? unprotectedRefJobs(repo, raw) : new Set<string>();
    const agent = config.gitlabSide.agent;
    const access = config.gitlabSide.deployTargets.map((t) => ({
      project: t.project,
      environmentScope: t.environmentScope,
      agentContext: t.access === "agent" && agent ? agentContext(agent.configProject, agent.name) : undefined,
    }));
    const problems = jobs.flatMap((job) => [
      ...jobProblems(job, fleets),
      ...(onUnprotectedRefs.has(job.name) ? unprotectedRefProblems(job, fleets) : []),
      ...(options.ownCredentials ? [] : deployAccessProblems(job, access, options.stack, options.project)),
    ]);
    return { jobs: jobs.map((j) => j.name), problems };
  } finally {
    repo.remove();
  }
}

/** GitLab's own YAML tag: `!reference [.job, keyword]` reuses another job's section (read here as its list). */
export const GITLAB_YAML_TAGS: Tags = [
  { tag: "!reference", collection: "seq", default: false, resolve: (seq: unknown) => seq },
];

/** The pipeline file as YAML, or an input error naming the file, line and column of what is malformed. */
function readPipeline(file: string): Record<string, unknown> {
  const document = parseDocument(readFileSync(file, "utf8"), { customTags: GITLAB_YAML_TAGS });
  const error = document.errors[0];
  if (error) {
    const [line, column] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : ["?", "?"];
    throw new PipelineInputError(
      `${file}:${line}:${column}: not valid YAML: ${error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}`,
    );
  }
  const value: unknown = document.toJS();
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new PipelineInputError(`${file}: a pipeline is a YAML mapping of jobs and keywords`);
  return value as Record<string, unknown>;
}
