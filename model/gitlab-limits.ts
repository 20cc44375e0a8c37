/** Limits GitLab itself enforces, which the stack checks before anything is created. */

/** A runner's maximum job timeout, in seconds, is at least ten minutes (GitLab refuses less). */
export const MIN_RUNNER_MAXIMUM_TIMEOUT_SECONDS = 600;
