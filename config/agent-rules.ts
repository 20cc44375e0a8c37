import { environmentSlug, kasEndpoint } from "../model/agent";
import type { Environment } from "../model/environment";
import { jobNamespace } from "../model/fleet/job-pods";
import { MAX_AGENT_AUTHORISED_PROJECTS } from "../model/gitlab-limits";
import type { Problem } from "../model/problems";
import { kasAddressOf } from "./agent-side";
import { deployTargetSpecs } from "./gitlab-side";
import { PROJECT, type PlainConfig } from "./schema";

const AGENT = `${PROJECT}:agent`;
const appPath = (i: number) => `${PROJECT}:applications[${i}]`;
const topLevelGroup = (path: string) => path.split("/")[0];

/**
 * Problems of the GitLab agent and the applications that deploy through it, found before anything is created:
 * an agent application with no agent, an agent with no application, the Premium impersonation needs, the KAS
 * address (encrypted outside dev), environments the agent cannot bind, slugs that collide, projects GitLab would
 * not authorise, and a namespace the agent would share.
 */
export function agentProblems(config: PlainConfig, environment: Environment): Problem[] {
  const agentApps = config.applications.flatMap((app, i) => (app.access === "agent" ? [{ app, i }] : []));
  if (!config.agent) {
    return agentApps.map(({ i }) => ({
      path: `${appPath(i)}.access`,
      reason: 'is "agent", but the stack has no agent',
      fix: `set ${AGENT} (name, configProject), or use access: kubeconfig`,
    }));
  }
  if (agentApps.length === 0) {
    return [
      {
        path: AGENT,
        reason: "is set, but no application has access: agent, so the agent would authorise no project",
        fix: "set access: agent on the applications that deploy through it, or remove the agent",
      },
    ];
  }
  return [
    ...tierProblems(config),
    ...kasProblems(config, environment),
    ...environmentProblems(config),
    ...projectProblems(config),
    ...namespaceProblems(config),
  ];
}

function tierProblems(config: PlainConfig): Problem[] {
  if (config.gitlab.tier !== "free") return [];
  return [
    {
      path: `${PROJECT}:gitlab.tier`,
      reason:
        "is free, but impersonating the CI/CD job (ci_access access_as: ci_job) is a feature of GitLab Premium and Ultimate",
      fix: "set gitlab.tier to your GitLab's plan (premium or ultimate), or use access: kubeconfig",
    },
  ];
}

function kasProblems(config: PlainConfig, environment: Environment): Problem[] {
  const address = kasAddressOf(config);
  const given = config.agent?.kasAddress !== undefined;
  const path = `${AGENT}.kasAddress`;
  const endpoint = kasEndpoint(address);
  if (!endpoint) {
    return [
      {
        path,
        reason: `"${address}" is not an address agentk dials (wss://, grpcs://, or in dev ws://, grpc://)`,
        fix: "use wss://<gitlab host>/-/kubernetes-agent/ (self-managed), wss://kas.gitlab.com (GitLab.com) or grpcs://<host>:<port>",
      },
    ];
  }
  const { pathname } = new URL(address);
  // GitLab answers a WebSocket path without its trailing slash with a redirect, and agentk's handshake fails.
  if (endpoint.scheme.startsWith("ws") && pathname !== "/" && !pathname.endsWith("/"))
    return [
      {
        path,
        reason: `"${address}" lacks the trailing slash: the agent server answers that path with a redirect, and agentk's WebSocket handshake fails`,
        fix: `end it with /: ${address}/`,
      },
    ];
  if (endpoint.tls || environment === "dev") return [];
  return [
    {
      path,
      reason: given
        ? `"${address}" is unencrypted: the agent's token and every request of the jobs would cross the network in clear`
        : `is not set, and gitlab.url is http://, so agentk would dial ${address} unencrypted`,
      fix: "use the agent server's wss:// or grpcs:// address (ws:// and grpc:// only in a dev stack)",
    },
  ];
}

function environmentProblems(config: PlainConfig): Problem[] {
  const problems: Problem[] = [];
  const bySlug = new Map<string, { path: string; name: string }>();
  for (const t of deployTargetSpecs(config).filter((target) => target.access === "agent")) {
    const path = `${t.path}.environmentScope`;
    if (t.environmentScope.includes("*")) {
      problems.push({
        path,
        reason: `"${t.environmentScope}" names several GitLab environments, but the agent binds the group of one (gitlab:project_env:<project id>:<slug>)`,
        fix: "name the one GitLab environment whose jobs deploy here (e.g. review/main), or use access: kubeconfig for dynamic environments",
      });
      continue;
    }
    const key = `${t.project} ${environmentSlug(t.environmentScope)}`;
    const first = bySlug.get(key);
    if (first && first.name !== t.environmentScope) {
      problems.push({
        path,
        reason: `"${t.environmentScope}" has the slug ${environmentSlug(t.environmentScope)}, as "${first.name}" (${first.path}) of the same project, so the jobs of each would deploy in both`,
        fix: "rename one of the two GitLab environments",
      });
    } else if (!first) bySlug.set(key, { path, name: t.environmentScope });
  }
  return problems;
}

function projectProblems(config: PlainConfig): Problem[] {
  const agent = config.agent;
  if (!agent) return [];
  const problems: Problem[] = [];
  const projects = new Set<string>();
  config.applications.forEach((app, i) => {
    if (app.access !== "agent") return;
    projects.add(app.project);
    const group = topLevelGroup(agent.configProject);
    if (!agent.instanceLevelAuthorization && topLevelGroup(app.project) !== group) {
      problems.push({
        path: `${appPath(i)}.project`,
        reason: `is outside ${group}, the top-level group of agent.configProject: GitLab authorises only projects of that group`,
        fix: `keep the agent's configuration project in the application's top-level group, or set agent.instanceLevelAuthorization once a self-managed GitLab's administrator has enabled it`,
      });
    }
  });
  if (projects.size > MAX_AGENT_AUTHORISED_PROJECTS) {
    problems.push({
      path: AGENT,
      reason: `would authorise ${projects.size} projects; GitLab allows an agent ${MAX_AGENT_AUTHORISED_PROJECTS}`,
      fix: "split the applications between two stacks, each with its own agent",
    });
  }
  return problems;
}

function namespaceProblems(config: PlainConfig): Problem[] {
  const ns = config.agent?.namespace ?? "";
  const taken = new Map<string, string>([
    [config.cluster.managerNamespace, "the runner managers'"],
    ...config.fleets.map((f) => [jobNamespace(f), `fleet ${f.name}'s jobs'`] as [string, string]),
    ...deployTargetSpecs(config).map(
      (t) => [t.namespace, `${t.application}/${t.environment}'s`] as [string, string],
    ),
  ]);
  const owner = taken.get(ns) ?? (/^(kube-.*|default)$/.test(ns) ? "Kubernetes' own" : undefined);
  if (!owner) return [];
  return [
    {
      path: `${AGENT}.namespace`,
      reason: `"${ns}" is ${owner} namespace; agentk's token would sit beside what runs there`,
      fix: "give the agent a namespace of its own (the default is gitlab-agent)",
    },
  ];
}
