import { parse, stringify } from "yaml";
import { environmentSlug } from "./slug";

/** One project whose CI/CD jobs may use the agent, and the GitLab environments they must deploy to. */
export interface AgentAuthorisation {
  /** The project's path with namespace, e.g. `platform/inventory`. */
  project: string;
  /** GitLab environment names; jobs of other environments (or none) do not get the agent's context. */
  environments: readonly string[];
}

/** Where GitLab reads an agent's configuration: in its configuration project, on the default branch. */
export function agentConfigPath(agentName: string): string {
  return `.gitlab/agents/${agentName}/config.yaml`;
}

/**
 * The agent's configuration file: `ci_access` for exactly the given projects, each impersonated as the CI/CD job
 * (`access_as: {ci_job: {}}`) and limited to its environments (GitLab 15.7+). No group is authorised and nothing
 * else is configured. The configuration project is always listed: GitLab authorises its jobs implicitly otherwise,
 * as agentk itself, and agentk may impersonate any user name; listed, its jobs are impersonated like any other
 * (in every environment when it deploys nothing through the agent: no binding names its groups). The same
 * authorisations, in any order, give the same text.
 */
export function renderAgentConfig(
  authorisations: readonly AgentAuthorisation[],
  configProject: string,
  managedBy: string,
): string {
  const byProject = new Map<string, Set<string>>();
  for (const { project, environments } of authorisations) {
    const set = byProject.get(project) ?? new Set<string>();
    for (const environment of environments) set.add(environment);
    byProject.set(project, set);
  }
  const projects = [...byProject.entries()].map(([id, environments]) => ({
    id,
    access_as: { ci_job: {} },
    environments: [...environments].sort(compare),
  }));
  const configEntry = byProject.has(configProject) ? [] : [{ id: configProject, access_as: { ci_job: {} } }];
  const header = `# ${managedBy}: pulumi up overwrites any change made here.\n`;
  const listed = [...projects, ...configEntry].sort((a, b) => compare(a.id, b.id));
  return header + stringify({ ci_access: { projects: listed } }, { lineWidth: 0 });
}

/** Code-point order: the same on every machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Each authorised project once, with the slugs of its environments: what the cluster's groups name. */
export function environmentSlugsByProject(
  authorisations: readonly AgentAuthorisation[],
): { project: string; environmentSlugs: string[] }[] {
  const byProject = new Map<string, Set<string>>();
  for (const { project, environments } of authorisations) {
    const set = byProject.get(project) ?? new Set<string>();
    for (const environment of environments) set.add(environmentSlug(environment));
    byProject.set(project, set);
  }
  return [...byProject.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([project, slugs]) => ({ project, environmentSlugs: [...slugs].sort(compare) }));
}

/** An agent configuration file read back (what GitLab reads): any YAML value; throws on text that is not YAML. */
export function readAgentConfig(text: string): unknown {
  return parse(text) as unknown;
}
