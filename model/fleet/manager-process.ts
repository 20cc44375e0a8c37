import { ENV, MANAGER_PATHS } from "./constants";

/** Where the entrypoint records the runner's process id, for the readiness probe. */
export const RUNNER_PID_FILE = `${MANAGER_PATHS.tmp}/gitlab-runner.pid`;

export interface EntrypointPaths {
  configFile: string;
  workingDirectory: string;
  pidFile: string;
}

const MANAGER_ENTRYPOINT_PATHS: EntrypointPaths = {
  configFile: `${MANAGER_PATHS.configDir}/config.toml`,
  workingDirectory: MANAGER_PATHS.home,
  pidFile: RUNNER_PID_FILE,
};

/**
 * The manager's main process. Kubernetes stops a container with SIGTERM, on which the runner aborts its running
 * jobs; SIGQUIT is its graceful stop (no new jobs, running ones finish). This shell starts the runner, turns a
 * SIGTERM into SIGQUIT and waits for it, then exits with the runner's status — so the stop needs no preStop hook
 * (a hook still running when the runner exits is killed, which the kubelet reports as FailedPreStopHook). The
 * grace period covers the longest job; only when it runs out does the kernel's SIGKILL end the pod.
 */
export function runnerEntrypoint(paths: EntrypointPaths = MANAGER_ENTRYPOINT_PATHS): string {
  return [
    "set -u",
    `gitlab-runner run --config=${paths.configFile} --working-directory=${paths.workingDirectory} &`,
    "runner=$!",
    `echo "$runner" > ${paths.pidFile}`,
    `trap 'kill -QUIT "$runner" 2>/dev/null' TERM QUIT`,
    `trap 'kill -INT "$runner" 2>/dev/null' INT`,
    // wait returns early whenever a trapped signal arrives; keep waiting until the runner has really exited.
    "status=0",
    'while kill -0 "$runner" 2>/dev/null; do wait "$runner"; status=$?; done',
    'exit "$status"',
  ].join("\n");
}

/**
 * dumb-init reaps orphans as PID 1 and, with --single-child, passes signals to the entrypoint shell alone (by
 * default it signals the whole process group, which would hand the runner the SIGTERM that aborts jobs).
 */
export const MANAGER_COMMAND = [
  "/usr/bin/dumb-init",
  "--single-child",
  "--",
  "/bin/sh",
  "-c",
  runnerEntrypoint(),
];

/**
 * Ready only with a token and a live runner process: without a token the runner polls nothing, though its metrics
 * endpoint still answers. Nothing here looks at GitLab, so GitLab being unreachable never takes a manager out.
 */
export function readinessCommand(pidFile = RUNNER_PID_FILE): string[] {
  return ["/bin/sh", "-c", `test -n "\${${ENV.runnerToken}:-}" && kill -0 "$(cat ${pidFile})"`];
}
