import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { stringify } from "yaml";
import { includeComponentsFromRepo, type ScratchRepo, scratchRepo } from "../../helpers/gitlab-ci-local";
import { cluster } from "./cluster";

/** Skips the suite (or fails it under CLUSTER_TESTS_REQUIRED) when gitlab-ci-local cannot run a job: no rsync. */
export function requireRsync(context: Mocha.Context): void {
  if (spawnSync("rsync", ["--version"]).status === 0) return;
  // gitlab-ci-local copies the project with rsync before it runs a job.
  const reason =
    "no rsync on the PATH (gitlab-ci-local needs it to run a job); install it, e.g. apt-get install rsync";
  if (process.env.CLUSTER_TESTS_REQUIRED) throw new Error(`CLUSTER_TESTS_REQUIRED is set: ${reason}`);
  console.log(`\n  skipped: ${reason}\n`);
  context.skip();
}

/**
 * An example application repository (examples/shop with an example pipeline and the components) whose jobs get
 * the file variable KUBECONFIG in the `dev` environment, as GitLab gives it, and kubectl on the PATH.
 */
export function deployJobRepo(
  pipeline: string,
  kubeconfig: string,
): { repo: ScratchRepo; env: NodeJS.ProcessEnv } {
  const repo = scratchRepo({ "examples/shop": ".", [pipeline]: ".gitlab-ci.yml", templates: "templates" });
  includeComponentsFromRepo(repo);
  // gitlab-ci-local makes a variable whose value is a file path a file variable; "dev" scopes it to that environment.
  writeFileSync(
    join(repo.dir, ".gitlab-ci-local-variables.yml"),
    stringify({ KUBECONFIG: { values: { dev: kubeconfig } } }),
  );
  const kubectlDir = dirname(cluster().assets.path("kubectl") ?? "/usr/bin/kubectl");
  return { repo, env: { ...process.env, PATH: [kubectlDir, process.env.PATH].join(delimiter) } };
}
