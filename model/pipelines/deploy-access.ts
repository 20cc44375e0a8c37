import type { Problem } from "../problems";
import type { PipelineJob } from "./fleet-match";

/**
 * Where a stack gives deploy access: a project's environments, through a KUBECONFIG variable scoped to them, or
 * through the GitLab agent, whose kubecontext (`agentContext`) the project's jobs in that environment get.
 */
export interface DeployAccess {
  project: string;
  environmentScope: string;
  /** The agent's kubecontext, for an environment the GitLab agent serves; absent for a KUBECONFIG variable. */
  agentContext?: string;
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

const offered = (access: readonly DeployAccess[]) => {
  const of = (agent: boolean) =>
    access
      .filter((a) => (a.agentContext !== undefined) === agent)
      .map((a) => `${a.project} ${a.environmentScope}`)
      .join(", ") || "none";
  return `KUBECONFIG scopes: ${of(false)}; agent environments: ${of(true)}`;
};

/**
 * A job that deploys to an environment the stack gives no access to (in `project`, when it is known) would find no
 * cluster at run time; one the agent serves must select the agent's kubecontext, one a KUBECONFIG serves must not
 * select an agent's. A `$VARIABLE` in the name stands for any text.
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
  const path = `jobs["${job.name}"]`;
  const serving = candidates.filter((a) => scopeMatches(a.environmentScope, name));
  if (serving.length === 0) {
    return [
      {
        path: `${path}.environment`,
        reason: `"${environment.name}" has no deploy access in stack ${stack}${project ? ` for ${project}` : ""} (${offered(candidates)})`,
        fix: "add the environment to the application in the stack file (applications[].environments), or deploy to an environment it has",
      },
    ];
  }
  return contextProblems(job, serving, path);
}

function contextProblems(job: PipelineJob, serving: DeployAccess[], path: string): Problem[] {
  const contexts = serving.flatMap((a) => a.agentContext ?? []);
  const byKubeconfig = serving.some((a) => a.agentContext === undefined);
  const environment = job.environment?.name ?? "";
  // Where the project is not named, either kind of access may be the job's: only a job none of them serves fails.
  if (job.kubeContext === undefined ? byKubeconfig : contexts.includes(job.kubeContext)) return [];
  if (contexts.length > 0) {
    return [
      {
        path: `${path}.kubeContext`,
        reason: `"${environment}" is served by the GitLab agent, but the job ${job.kubeContext ? `selects the kubecontext ${job.kubeContext}` : "selects no kubecontext"}`,
        fix: `give the kubectl-deploy component agent_context: ${contexts[0]} (or run kubectl config use-context ${contexts[0]})`,
      },
    ];
  }
  return [
    {
      path: `${path}.kubeContext`,
      reason: `selects the kubecontext ${job.kubeContext}, but "${environment}" gets a KUBECONFIG variable, not the agent`,
      fix: "remove agent_context (the KUBECONFIG's own context is the deployer's)",
    },
  ];
}
