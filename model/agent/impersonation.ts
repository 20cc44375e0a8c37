import type { PolicyRule } from "../fleet/rbac";

/** GitLab's deployment tiers: an environment has one, set by `deployment_tier` or guessed from its name. */
export const ENVIRONMENT_TIERS = ["production", "staging", "testing", "development", "other"] as const;
export type EnvironmentTier = (typeof ENVIRONMENT_TIERS)[number];

/** The group every request of a CI/CD job carries. */
export const CI_JOB_GROUP = "gitlab:ci_job";

/** The extra keys GitLab's agent server sets on a CI/CD job's identity (the environment ones only in an environment). */
export const CI_JOB_EXTRA_KEYS = [
  "agent.gitlab.com/id",
  "agent.gitlab.com/config_project_id",
  "agent.gitlab.com/project_id",
  "agent.gitlab.com/ci_pipeline_id",
  "agent.gitlab.com/ci_job_id",
  "agent.gitlab.com/username",
  "agent.gitlab.com/environment_slug",
  "agent.gitlab.com/environment_tier",
] as const;

/** The group of one project's jobs in one environment: what an application environment's RoleBinding names. */
export function projectEnvironmentGroup(projectId: number | string, environmentSlug: string): string {
  return `gitlab:project_env:${projectId}:${environmentSlug}`;
}

/** A CI/CD job as GitLab's agent server describes it to agentk. */
export interface CiJob {
  jobId: number;
  pipelineId: number;
  username: string;
  projectId: number;
  /** The project's group and its ancestors; empty for a project in a user's namespace. */
  groupIds: readonly number[];
  environment?: { slug: string; tier: EnvironmentTier };
  agentId: number;
  configProjectId: number;
}

/** An identity a request is made as: what Kubernetes' impersonation headers carry. */
export interface Identity {
  username: string;
  groups: string[];
  extra: Record<string, string[]>;
}

/**
 * The identity agentk impersonates for a job under `access_as: {ci_job: {}}`, in the order the agent server builds
 * it (gitlab-agent internal/module/kubernetes_api/server: constructJobImpersonationConfig).
 */
export function ciJobIdentity(job: CiJob): Identity {
  const env = job.environment;
  const groups = [CI_JOB_GROUP];
  for (const id of job.groupIds) {
    groups.push(`gitlab:group:${id}`);
    if (env) groups.push(`gitlab:group_env_tier:${id}:${env.tier}`);
  }
  groups.push(`gitlab:project:${job.projectId}`);
  if (env)
    groups.push(
      projectEnvironmentGroup(job.projectId, env.slug),
      `gitlab:project_env_tier:${job.projectId}:${env.tier}`,
    );
  const extra: Record<string, string[]> = {
    "agent.gitlab.com/id": [String(job.agentId)],
    "agent.gitlab.com/config_project_id": [String(job.configProjectId)],
    "agent.gitlab.com/project_id": [String(job.projectId)],
    "agent.gitlab.com/ci_pipeline_id": [String(job.pipelineId)],
    "agent.gitlab.com/ci_job_id": [String(job.jobId)],
    "agent.gitlab.com/username": [job.username],
  };
  if (env) {
    extra["agent.gitlab.com/environment_slug"] = [env.slug];
    extra["agent.gitlab.com/environment_tier"] = [env.tier];
  }
  return { username: `gitlab:ci_job:${job.jobId}`, groups, extra };
}

/** One authorised project as the cluster sees it: numeric ids and the slugs of its environments. */
export interface AuthorisedProject {
  projectId: number;
  groupIds: readonly number[];
  environmentSlugs: readonly string[];
}

/**
 * Every group agentk must be allowed to impersonate so that the jobs of these projects work: Kubernetes checks
 * each group of a request, so all the groups the agent server sends must be listed, including the tier groups of
 * every tier (a job chooses its tier with `deployment_tier`). Sorted, each once.
 */
export function impersonableGroups(projects: readonly AuthorisedProject[]): string[] {
  const names = new Set<string>([CI_JOB_GROUP]);
  for (const p of projects) {
    names.add(`gitlab:project:${p.projectId}`);
    for (const slug of p.environmentSlugs) names.add(projectEnvironmentGroup(p.projectId, slug));
    for (const tier of ENVIRONMENT_TIERS) names.add(`gitlab:project_env_tier:${p.projectId}:${tier}`);
    for (const id of p.groupIds) {
      names.add(`gitlab:group:${id}`);
      for (const tier of ENVIRONMENT_TIERS) names.add(`gitlab:group_env_tier:${id}:${tier}`);
    }
  }
  return [...names].sort();
}

/** A PolicyRule that may name the objects it applies to. */
export interface NamedPolicyRule extends PolicyRule {
  resourceNames?: string[];
}

/** The API group of impersonated extras (`userextras/<key>`) and UIDs. */
export const AUTHENTICATION_GROUP = "authentication.k8s.io";

/**
 * agentk's ClusterRole: the least `ci_job` impersonation needs. Any user name (a job's, `gitlab:ci_job:<id>`, is
 * not known in advance, and RBAC names no prefix), only the listed groups, only the agent server's extra keys.
 * No ServiceAccounts, no UIDs, no other verb.
 */
export function agentImpersonationRules(projects: readonly AuthorisedProject[]): NamedPolicyRule[] {
  return [
    { apiGroups: [""], resources: ["users"], verbs: ["impersonate"] },
    {
      apiGroups: [""],
      resources: ["groups"],
      verbs: ["impersonate"],
      resourceNames: impersonableGroups(projects),
    },
    {
      apiGroups: [AUTHENTICATION_GROUP],
      resources: CI_JOB_EXTRA_KEYS.map((key) => `userextras/${key}`),
      verbs: ["impersonate"],
    },
  ];
}

const TIER = ENVIRONMENT_TIERS.join("|");
const GROUP_NAME = new RegExp(
  `^gitlab:(ci_job|project:\\d+|project_env:\\d+:[a-z][a-z0-9-]*|project_env_tier:\\d+:(${TIER})|group:\\d+|group_env_tier:\\d+:(${TIER}))$`,
);

/** Whether a group name is one GitLab's agent server sends for CI/CD jobs (and so nothing Kubernetes' own). */
export function isCiJobGroup(name: string): boolean {
  return GROUP_NAME.test(name);
}
