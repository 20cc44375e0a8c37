import { execFileSync, spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parse } from "yaml";

export const ROOT = resolve(__dirname, "../..");
/** The project the examples include the components from (the stack's pipelineComponents.project). */
export const COMPONENT_PROJECT = "platform/ci-components";

/** A throwaway Git repository, as gitlab-ci-local needs one: a remote, a default branch, a commit. */
export interface ScratchRepo {
  dir: string;
  /** GitLab path of the repository, from its remote. */
  project: string;
  sha: string;
  remove(): void;
}

/** Copies `files` (repository path → path in the scratch repository) into a new repository and commits them. */
export function scratchRepo(
  files: Record<string, string>,
  options: { project?: string; branch?: string; tag?: string } = {},
): ScratchRepo {
  const dir = mkdtempSync(join(tmpdir(), "pipeline-"));
  const project = options.project ?? "platform/shop";
  for (const [from, to] of Object.entries(files))
    cpSync(join(ROOT, from), join(dir, to), { recursive: true });
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
 * Points the pipeline's `include: component:` entries at the repository itself at its commit, which gitlab-ci-local
 * resolves from the working tree (`templates/<name>.yml`): the components under test instead of a published copy.
 */
export function includeComponentsFromRepo(repo: ScratchRepo, pipelineFile = ".gitlab-ci.yml"): void {
  const file = join(repo.dir, pipelineFile);
  const text = readFileSync(file, "utf8");
  const pattern = new RegExp(`/${COMPONENT_PROJECT}/([a-z0-9-]+)@[^\\s"']+`, "g");
  writeFileSync(file, text.replace(pattern, `/${repo.project}/$1@${repo.sha}`));
}

const CLI = join(dirname(require.resolve("gitlab-ci-local/package.json")), "dist", "index.js");

export function gitlabCiLocal(
  repo: ScratchRepo,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd: repo.dir,
    encoding: "utf8",
    env: { ...env, GCL_COLOR: "false", FORCE_COLOR: "0" },
    maxBuffer: 64 * 1024 * 1024,
  });
}

const variableFlags = (variables: Record<string, string>) =>
  Object.entries(variables).flatMap(([key, value]) => ["--variable", `${key}=${value}`]);

export interface ListedJob {
  name: string;
  stage: string;
  when: string;
  needs?: string[] | null;
}

/** The jobs gitlab-ci-local lists (nothing runs), by name. */
export function listJobs(repo: ScratchRepo, variables: Record<string, string> = {}): Map<string, ListedJob> {
  const run = gitlabCiLocal(repo, ["--list-json", ...variableFlags(variables)]);
  if (run.status !== 0) throw new Error(`gitlab-ci-local --list-json failed:\n${run.stderr}${run.stdout}`);
  const jobs = JSON.parse(run.stdout.slice(run.stdout.search(/^\[/m))) as ListedJob[];
  return new Map(jobs.map((job) => [job.name, job]));
}

/** The pipeline with includes, inputs, `extends` and defaults expanded, as gitlab-ci-local reads it. */
export function previewPipeline(
  repo: ScratchRepo,
  variables: Record<string, string> = {},
): Record<string, unknown> {
  const run = gitlabCiLocal(repo, ["--preview", ...variableFlags(variables)]);
  if (run.status !== 0) throw new Error(`gitlab-ci-local --preview failed:\n${run.stderr}${run.stdout}`);
  return parse(run.stdout.slice(run.stdout.indexOf("---"))) as Record<string, unknown>;
}

export interface JobRun {
  code: number;
  output: string;
}

/** Runs jobs with gitlab-ci-local's shell executor (`image:` ignored): the job's script on this machine. */
export function runJobs(
  repo: ScratchRepo,
  jobs: string[],
  options: { variables?: Record<string, string>; env?: NodeJS.ProcessEnv } = {},
): Promise<JobRun> {
  const args = [
    CLI,
    ...jobs,
    "--force-shell-executor",
    "--no-color",
    ...variableFlags(options.variables ?? {}),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: repo.dir,
      env: { ...(options.env ?? process.env), GCL_COLOR: "false", FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, output }));
  });
}
