import type { Problem } from "../problems";
import type { PipelineJob } from "./fleet-match";

/** Where a stack gives deploy access: a project's KUBECONFIG, scoped to GitLab environments. */
export interface DeployAccess {
  project: string;
  environmentScope: string;
}

/**
 * Whether a variable's environment scope applies to an environment, as GitLab matches them: the whole name, case
 * sensitive, `*` standing for any characters (`review/*`, or `*` for every environment).
 */
export function scopeMatches(scope: string, environment: string): boolean {
  const pattern = scope
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${pattern}$`).test(environment);
}

/** Environment actions that run against the environment (and so receive its scoped variables). */
const DEPLOYING_ACTIONS = new Set([undefined, "start", "stop"]);

/**
 * A job that deploys to an environment the stack gives no KUBECONFIG for (in `project`, when it is known) would
 * find no cluster access at run time. A `$VARIABLE` in the name stands for any text.
 */
export function deployAccessProblems(
  job: PipelineJob,
  access: readonly DeployAccess[],
  stack: string,
  project?: string,
): Problem[] {
  const environment = job.environment;
  if (!environment || !DEPLOYING_ACTIONS.has(environment.action)) return [];
  const candidates = project === undefined ? access : access.filter((a) => a.project === project);
  const name = environment.name.replace(/\$\{?[A-Za-z_][A-Za-z0-9_]*\}?/g, "x");
  if (candidates.some((a) => scopeMatches(a.environmentScope, name))) return [];
  const offered = candidates.map((a) => `${a.project} ${a.environmentScope}`).join(", ") || "none";
  return [
    {
      path: `jobs["${job.name}"].environment`,
      reason: `"${environment.name}" has no deploy access in stack ${stack}${project ? ` for ${project}` : ""} (KUBECONFIG scopes: ${offered})`,
      fix: "add the environment to the application in the stack file (applications[].environments), or deploy to an environment it has",
    },
  ];
}
