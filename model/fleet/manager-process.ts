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
  // The traps come first, so no stop signal finds the shell without them; before the runner has started there
  // is nothing to drain, and the shell just ends.
  const forward = (signal: string) =>
    `signalled=1; if [ -n "$runner" ]; then kill -${signal} "$runner" 2>/dev/null; else exit 0; fi`;
  return [
    "set -u",
    'runner=""',
    "status=0",
    `trap '${forward("QUIT")}' TERM QUIT`,
    `trap '${forward("INT")}' INT`,
    `gitlab-runner run --config=${paths.configFile} --working-directory=${paths.workingDirectory} &`,
    "runner=$!",
    `echo "$runner" > ${paths.pidFile}`,
    // A trapped signal cuts wait short: wait again until the runner itself has ended. The shell remembers an
    // ended child's status until it is waited for; 127 means it was already collected (status holds it).
    "while :; do",
    "  signalled=0",
    '  wait "$runner"; code=$?',
    '  [ "$code" -ne 127 ] && status=$code',
    '  [ "$signalled" = 1 ] || break',
    "done",
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
