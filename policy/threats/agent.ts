import { ThreatPath } from "./types";

const path = (title: string, how: string, outOfScope?: string): ThreatPath => ({
  actor: "agent",
  title,
  how,
  ...(outOfScope ? { outOfScope } : {}),
});

/** What the GitLab agent (agentk), or whoever steers it, could do beyond acting as the jobs it admits. */
export const AGENT_PATHS = {
  "AGENT-1": path(
    "impersonates more than the jobs",
    "agentk's ClusterRole with a verb besides impersonate, groups not listed by name (`system:masters` among " +
      "them), ServiceAccounts or UIDs lets its ServiceAccount act as any of those.",
  ),
  "AGENT-2": path(
    "becomes a user the stack binds",
    "RBAC cannot limit impersonated user names to the jobs' prefix, so agentk may act as any user name: a " +
      "RoleBinding or ClusterRoleBinding of the stack to a User is within its reach.",
  ),
  "AGENT-3": path(
    "lets a job reach beyond its environment's namespace",
    "A job's gitlab: group bound cluster-wide, to a ClusterRole, or in a runner or job namespace gives every job " +
      "of that project or environment those rights; in an application namespace, any group but that " +
      "environment's own (gitlab:ci_job, a project's, a group's, a tier's or another environment's) lets other " +
      "jobs deploy there.",
  ),
  "AGENT-4": path(
    "admits more than the stack's jobs",
    "An agent configuration that authorises projects or environments the stack serves no application of, whole " +
      "groups, jobs acting as agentk itself or as a static identity, or user access, lets others through agentk; " +
      "so does leaving out the configuration project, whose jobs GitLab then admits as agentk itself.",
  ),
  "AGENT-5": path(
    "its configuration is edited in GitLab",
    "Whoever can push to the configuration project's default branch can change the agent's configuration " +
      "(an `access_as: {impersonate: …}` with any user name).",
    "The pack sees the file the stack commits, not later commits to the project. Protect the configuration " +
      "project's default branch; `pulumi preview --refresh` shows an edit and `pulumi up --refresh` writes the " +
      "stack's file back (docs/agent.md).",
  ),
  "AGENT-6": path(
    "becomes a user the cluster itself binds",
    "Any user name is within agentk's reach, so are the grants the API server's own bindings give users " +
      "(`system:kube-controller-manager` reads every Secret).",
    "Those bindings are not the stack's objects. The residual trust in agentk, its namespace, GitLab's agent " +
      "server and the configuration project is stated in docs/agent.md; the cluster tests assert its extent.",
  ),
} satisfies Record<string, ThreatPath>;
