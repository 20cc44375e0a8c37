import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { DEFAULTS } from "../../../model/defaults";
import { cacheRoot, isExecutable, SHARED_DIR, unpackShared } from "../../helpers/shared-binaries";

/** A user's own gitlab-runner binary, used before the shared one. */
export const RUNNER_BIN_ENV = "GITLAB_RUNNER_BIN";
/** Set (CI sets it) to fail instead of skipping where no runner binary is found. */
export const REQUIRED_ENV = "RUNNER_TESTS_REQUIRED";

/** The runner every stack pins: the tests speak for this version only. */
export const PINNED_RUNNER = DEFAULTS.runnerImage.version;

export interface RunnerBinary {
  /** Absolute path of the executable. */
  path: string;
  /** Where it came from, for messages. */
  origin: string;
}

export const MISSING_RUNNER_MESSAGE = [
  "runner tests skipped: no gitlab-runner binary.",
  `Set ${RUNNER_BIN_ENV} to a gitlab-runner ${PINNED_RUNNER} executable, e.g.`,
  `curl -sSfLo gitlab-runner https://s3.dualstack.us-east-1.amazonaws.com/gitlab-runner-downloads/${PINNED_RUNNER}/binaries/gitlab-runner-linux-amd64`,
  `chmod +x gitlab-runner && ${RUNNER_BIN_ENV}="$PWD/gitlab-runner" npm run test:runner`,
  "or place the xz-compressed binary with its SHA256SUMS in ../shared/gitlab-runner next to the project.",
].join("\n  ");

/** GITLAB_RUNNER_BIN first, else ../shared/gitlab-runner unpacked into the cache; undefined when neither exists. */
export function locateRunner(env: NodeJS.ProcessEnv = process.env): RunnerBinary | undefined {
  const own = env[RUNNER_BIN_ENV];
  if (own) {
    if (!isExecutable(own)) throw new Error(`${RUNNER_BIN_ENV}=${own} is not an executable file`);
    return checkedVersion({ path: path.resolve(own), origin: RUNNER_BIN_ENV });
  }
  const shared = path.join(SHARED_DIR, "gitlab-runner");
  if (!fs.existsSync(path.join(shared, "SHA256SUMS"))) return undefined;
  const dir = unpackShared(shared, cacheRoot("gitlab-runner", env));
  return checkedVersion({ path: path.join(dir, "gitlab-runner"), origin: shared });
}

/** The stacks pin one runner version; lint results of another version would say nothing about them. */
function checkedVersion(binary: RunnerBinary): RunnerBinary {
  const output = execFileSync(binary.path, ["--version"], { encoding: "utf8" });
  const version = /^Version:\s*(\S+)/m.exec(output)?.[1];
  if (`v${version}` !== PINNED_RUNNER) {
    throw new Error(
      `${binary.origin} is gitlab-runner ${version ?? "(unknown version)"}; the stacks pin ${PINNED_RUNNER}: ` +
        `point ${RUNNER_BIN_ENV} at a ${PINNED_RUNNER} binary`,
    );
  }
  return binary;
}

let located: RunnerBinary | undefined;
let reported = false;

/**
 * The runner binary for a suite's `before` hook: without one the suite is skipped with a message saying how to
 * get it, or fails where RUNNER_TESTS_REQUIRED is set.
 */
export function runnerOrSkip(ctx: Mocha.Context): RunnerBinary {
  located ??= locateRunner();
  if (located) return located;
  if (process.env[REQUIRED_ENV]) throw new Error(`${REQUIRED_ENV} is set: ${MISSING_RUNNER_MESSAGE}`);
  if (!reported) console.log(`\n  ${MISSING_RUNNER_MESSAGE}\n`);
  reported = true;
  ctx.skip();
}
