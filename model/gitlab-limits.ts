/** Limits GitLab itself enforces, which the stack checks before anything is created. */

/** A runner's maximum job timeout, in seconds, is at least ten minutes (GitLab refuses less). */
export const MIN_RUNNER_MAXIMUM_TIMEOUT_SECONDS = 600;

/** An agent's name: a DNS label (RFC 1123) of at most 63 characters (GitLab refuses others). */
export const AGENT_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** The most projects one agent's `ci_access` may authorise (GitLab 17.0+). */
export const MAX_AGENT_AUTHORISED_PROJECTS = 500;
