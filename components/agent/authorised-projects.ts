import * as pulumi from "@pulumi/pulumi";
import type { AuthorisedProject } from "../../model/agent";
import { getGroupOutput, getProjectOutput, type GetProjectResult, type Provider } from "../gitlab/bindings";

/** A project GitLab's agent server names by ids: the project's path and the slugs of its environments. */
export interface ProjectEnvironments {
  /** Path with namespace, e.g. `platform/inventory`. */
  project: string;
  environmentSlugs: readonly string[];
}

/** The groups a project path lies in, outermost first: `a/b/c` is in `a` and `a/b` (none for a user's project). */
export function ancestorGroups(project: string): string[] {
  const parts = project.split("/").slice(0, -1);
  return parts.map((_, i) => parts.slice(0, i + 1).join("/"));
}

/**
 * The numeric ids GitLab's agent server puts in a job's groups, looked up once per project and group: the
 * project's (`gitlab:project:<id>`) and its group's and every ancestor group's (`gitlab:group:<id>`). A project in a
 * user's namespace is in no group, and the agent server sends none.
 */
export class AuthorisedProjects {
  private readonly projects = new Map<string, pulumi.Output<GetProjectResult>>();
  private readonly groupIds = new Map<string, pulumi.Output<number>>();

  constructor(private readonly provider: Provider) {}

  /** The project's numeric id (a string, as getProject returns it). */
  projectId(project: string): pulumi.Output<string> {
    return this.project(project).id;
  }

  /** The project's default branch, where GitLab reads an agent's configuration. */
  defaultBranch(project: string): pulumi.Output<string> {
    return this.project(project).defaultBranch;
  }

  /** Every project with its ids, as agentk's ClusterRole needs them. */
  resolve(projects: readonly ProjectEnvironments[]): pulumi.Output<AuthorisedProject[]> {
    return pulumi.all(
      projects.map((p) => {
        const found = this.project(p.project);
        const groupIds = found.namespaces.apply((namespaces) =>
          namespaces.some((n) => n.kind === "user")
            ? pulumi.output([])
            : pulumi.all(ancestorGroups(p.project).map((g) => this.groupId(g))),
        );
        return pulumi.all([found.id, groupIds]).apply(([projectId, ids]) => ({
          projectId: Number(projectId),
          groupIds: ids,
          environmentSlugs: [...p.environmentSlugs],
        }));
      }),
    );
  }

  private project(path: string): pulumi.Output<GetProjectResult> {
    let found = this.projects.get(path);
    if (!found) {
      found = getProjectOutput({ pathWithNamespace: path }, { provider: this.provider });
      this.projects.set(path, found);
    }
    return found;
  }

  private groupId(group: string): pulumi.Output<number> {
    let id = this.groupIds.get(group);
    if (!id) {
      id = getGroupOutput({ fullPath: group }, { provider: this.provider }).groupId;
      this.groupIds.set(group, id);
    }
    return id;
  }
}
