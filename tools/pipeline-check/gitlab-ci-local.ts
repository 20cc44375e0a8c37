import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parse } from "yaml";

/** A throwaway Git repository, as gitlab-ci-local needs one: a remote, a default branch, a commit. */
export interface ScratchRepo {
  dir: string;
  /** GitLab path of the repository, from its remote. */
  project: string;
  sha: string;
  remove(): void;
}

export interface ScratchOptions {
  /** GitLab path the remote names (the application's project). */
  project?: string;
  branch?: string;
  tag?: string;
}

/** Copies `files` (absolute source → path in the repository) into a new repository and commits them. */
export function scratchRepo(files: Record<string, string>, options: ScratchOptions = {}): ScratchRepo {
  const dir = mkdtempSync(join(tmpdir(), "pipeline-"));
  const project = options.project ?? "platform/app";
  // Neither Git's own files nor installed packages are part of what a pipeline reads.
  const filter = (source: string) => !/(^|\/)(\.git|node_modules)(\/|$)/.test(source);
  for (const [from, to] of Object.entries(files)) cpSync(from, join(dir, to), { recursive: true, filter });
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.email=ci@example.com", "-c", "user.name=ci", ...args], {
      cwd: dir,
      stdio: ["ignore", "pipe", "ignore"],
    })
      .toString()
      .trim();
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "--allow-empty", "-m", "init");
  git("remote", "add", "origin", `https://gitlab.example.com/${project}.git`);
  git("update-ref", "refs/remotes/origin/main", "HEAD");
  git("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main");
  if (options.branch && options.branch !== "main") git("checkout", "-q", "-b", options.branch);
  if (options.tag) git("tag", options.tag);
  if (options.tag) git("checkout", "-q", options.tag);
  const sha = git("rev-parse", "HEAD");
  return { dir, project, sha, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Points the pipeline's `include: component:` entries from `componentProject` at the repository itself at its
 * commit, which gitlab-ci-local resolves from the working tree (`templates/<name>.yml`).
 */
export function includeComponentsFromRepo(
  repo: ScratchRepo,
  componentProject: string,
  pipelineFile = ".gitlab-ci.yml",
): void {
  const file = join(repo.dir, pipelineFile);
  const escaped = componentProject.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`/${escaped}/([a-z0-9_-]+)@[^\\s"']+`, "g");
  writeFileSync(file, readFileSync(file, "utf8").replace(pattern, `/${repo.project}/$1@${repo.sha}`));
}

const CLI = join(dirname(require.resolve("gitlab-ci-local/package.json")), "dist", "index.js");
const QUIET = { GCL_COLOR: "false", FORCE_COLOR: "0" };

const variableFlags = (variables: Record<string, string>) =>
  Object.entries(variables).flatMap(([key, value]) => ["--variable", `${key}=${value}`]);

/** How gitlab-ci-local reads a pipeline. */
export interface ReadOptions {
  variables?: Record<string, string>;
  /** Also validate against GitLab's schema (on by default); callers that validate themselves save ~0.4 s a run. */
  schemaValidation?: boolean;
}

const readFlags = (options: ReadOptions) => [
  ...variableFlags(options.variables ?? {}),
  ...(options.schemaValidation === false ? ["--no-json-schema-validation"] : []),
];

function gitlabCiLocal(repo: ScratchRepo, args: string[]): string {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd: repo.dir,
    encoding: "utf8",
    env: { ...process.env, ...QUIET },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0)
    throw new GitlabCiLocalError(`gitlab-ci-local ${args[0]} failed:\n${run.stderr}${run.stdout}`);
  return run.stdout;
}

export class GitlabCiLocalError extends Error {}

export interface ListedJob {
  name: string;
  stage: string;
  when: string;
}

/** The jobs gitlab-ci-local lists (nothing runs), by name. */
export function listJobs(repo: ScratchRepo, options: ReadOptions = {}): Map<string, ListedJob> {
  const stdout = gitlabCiLocal(repo, ["--list-json", ...readFlags(options)]);
  const jobs = JSON.parse(stdout.slice(stdout.search(/^\[/m))) as ListedJob[];
  return new Map(jobs.map((job) => [job.name, job]));
}

/** The pipeline with includes, inputs, `extends` and defaults expanded, as gitlab-ci-local reads it. */
export function previewPipeline(repo: ScratchRepo, options: ReadOptions = {}): Record<string, unknown> {
  const stdout = gitlabCiLocal(repo, ["--preview", ...readFlags(options)]);
  return parse(stdout.slice(stdout.indexOf("---"))) as Record<string, unknown>;
}

export interface JobRun {
  code: number;
  output: string;
}

/** Runs jobs with gitlab-ci-local's shell executor (`image:` ignored): the job's script on this machine. */
export function runJobs(
  repo: ScratchRepo,
  jobs: string[],
  options: ReadOptions & { env?: NodeJS.ProcessEnv } = {},
): Promise<JobRun> {
  const args = [CLI, ...jobs, "--force-shell-executor", "--no-color", ...readFlags(options)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: repo.dir,
      env: { ...(options.env ?? process.env), ...QUIET },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, output }));
  });
}
