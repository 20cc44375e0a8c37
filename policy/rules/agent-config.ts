import { agentAccessOf } from "../agent-table";
import { readAgentConfig } from "../facts";
import { MANDATORY, StackRule } from "../rule";
import { namespacesOf } from "../stack-index";
import { Finding, ResourceView, asArray, asRecord, asString, at, describe } from "../view";

const CONFIG_FILE = /^\.gitlab\/agents\/[^/]+\/config\.yaml$/;
const REPOSITORY_FILE_TYPE = "gitlab:index/repositoryFile:RepositoryFile";

/** The project and GitLab environments each agent namespace of the stack serves. */
function servedEnvironments(resources: ResourceView[]): Map<string, Set<string>> {
  const served = new Map<string, Set<string>>();
  for (const ns of namespacesOf(resources).values()) {
    const access = agentAccessOf(ns);
    if (!access) continue;
    served.set(access.project, (served.get(access.project) ?? new Set()).add(access.gitlabEnvironment));
  }
  return served;
}

function accessAsFindings(
  entry: Record<string, unknown>,
  field: string,
  file: ResourceView,
  id: string,
): Finding[] {
  return JSON.stringify(entry.access_as) === JSON.stringify({ ci_job: {} })
    ? []
    : [
        {
          field: `${field}.access_as`,
          message: `${describe(file)} lets ${id}'s jobs act as ${JSON.stringify(entry.access_as ?? "agentk itself")} — use access_as: {ci_job: {}}, so each job is impersonated`,
        },
      ];
}

function projectFindings(
  entry: Record<string, unknown>,
  i: number,
  file: ResourceView,
  served: Map<string, Set<string>>,
): Finding[] {
  const id = asString(entry.id) ?? String(entry.id);
  const field = `content.ci_access.projects[${i}]`;
  const environments = served.get(id);
  // The configuration project's own jobs are authorised by GitLab in any case (as agentk, unless listed): listed
  // as ci_job they are impersonated, and no binding names their groups.
  if (!environments && id === asString(at(file.props, "project")))
    return accessAsFindings(entry, field, file, id);
  if (!environments)
    return [
      {
        field,
        message: `${describe(file)} authorises ${id}, which has no application this stack serves through the agent — remove it from ci_access`,
      },
    ];
  const findings = accessAsFindings(entry, field, file, id);
  const listed = asArray(entry.environments).map(String);
  const extra = listed.filter((e) => !environments.has(e));
  if (listed.length === 0 || extra.length > 0)
    findings.push({
      field: `${field}.environments`,
      message: `${describe(file)} admits ${id}'s jobs in ${listed.length ? extra.join(", ") : "every environment"} — list only the environments the stack serves: ${[...environments].sort().join(", ")}`,
    });
  return findings;
}

function configFileFindings(file: ResourceView, served: Map<string, Set<string>>): Finding[] {
  const content = at(file.props, "content");
  if (typeof content !== "string")
    return [
      {
        field: "content",
        message: `${describe(file)}: the agent configuration is not known yet, so ci_access could not be checked — run the check on the applied stack`,
        couldNotCheck: true,
      },
    ];
  let config: Record<string, unknown>;
  try {
    config = asRecord(readAgentConfig(content)) ?? {};
  } catch {
    return [
      {
        field: "content",
        message: `${describe(file)} is not YAML — let the stack render the agent configuration`,
      },
    ];
  }
  const findings: Finding[] = Object.keys(config)
    .filter((k) => k !== "ci_access")
    .map((k) => ({
      field: `content.${k}`,
      message: `${describe(file)} configures ${k}, which grants more than the CI/CD jobs' access — remove it`,
    }));
  const ciAccess = asRecord(config.ci_access) ?? {};
  if (ciAccess.groups !== undefined)
    findings.push({
      field: "content.ci_access.groups",
      message: `${describe(file)} authorises whole groups — authorise the applications' projects one by one`,
    });
  const projects = asArray(ciAccess.projects).map((p) => asRecord(p) ?? {});
  const own = asString(at(file.props, "project"));
  if (own !== undefined && !projects.some((p) => p.id === own))
    findings.push({
      field: "content.ci_access.projects",
      message: `${describe(file)} does not list its own project ${own}, whose jobs GitLab then lets act as agentk itself (which may impersonate any user name) — list ${own} with access_as: {ci_job: {}}`,
    });
  return [...findings, ...projects.flatMap((p, i) => projectFindings(p, i, file, served))];
}

export const agentCiAccessKnownProjects: StackRule = {
  kind: "stack",
  name: "agent-ci-access-known-projects",
  threats: ["AGENT-4"],
  description:
    "An agent's configuration file authorises only the projects and environments the stack serves through the agent and its own configuration project, each job impersonated (access_as: ci_job), and grants nothing else.",
  severity: "critical",
  enforcement: MANDATORY,
  checkStack(resources) {
    const served = servedEnvironments(resources);
    return resources
      .filter(
        (r) => r.type === REPOSITORY_FILE_TYPE && CONFIG_FILE.test(asString(at(r.props, "filePath")) ?? ""),
      )
      .flatMap((file) => configFileFindings(file, served).map((f) => ({ ...f, resource: file })));
  },
};
