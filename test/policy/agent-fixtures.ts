import { agentImpersonationRules, planAgent, renderAgentConfig, type AgentSpec } from "../../model/agent";
import { ResourceView } from "../../policy/view";
import { agentSpec } from "../helpers/agent-spec";
import { passingStack } from "./fixtures";
import { view } from "./fixture-base";

const RBAC = "kubernetes:rbac.authorization.k8s.io/v1";
const AGENT_LABELS = {
  "app.kubernetes.io/component": "gitlab-agent",
  "app.kubernetes.io/instance": "dev-cluster",
};

export const AGENT: AgentSpec = agentSpec({ managedBy: "the gitlab-ci-platform stack prod" });

const plan = planAgent(AGENT);

/** agentk's ClusterRole as AgentK renders it: project 7 in group 3, environments dev and staging. */
export function agentClusterRole(): ResourceView {
  return view(`${RBAC}:ClusterRole`, "agent-impersonate", {
    metadata: { name: plan.names.clusterRole, labels: AGENT_LABELS },
    rules: agentImpersonationRules([{ projectId: 7, groupIds: [3], environmentSlugs: ["dev", "staging"] }]),
  });
}

export function agentClusterRoleBinding(): ResourceView {
  return view(`${RBAC}:ClusterRoleBinding`, "agent-impersonate-binding", {
    metadata: { name: plan.names.clusterRole, labels: AGENT_LABELS },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: plan.names.clusterRole },
    subjects: [{ kind: "ServiceAccount", name: "agentk", namespace: "gitlab-agent" }],
  });
}

/** An application namespace the agent serves, and its deployer RoleBinding to the job group. */
export function agentTarget(environment: string): ResourceView[] {
  const ns = `inventory-${environment}`;
  return [
    view("kubernetes:core/v1:Namespace", `ns-${ns}`, {
      metadata: {
        name: ns,
        labels: {
          "app.kubernetes.io/component": "deploy",
          "pod-security.kubernetes.io/enforce": "restricted",
        },
        annotations: { "gitlab-ci-platform/agent-access": `platform/inventory:${environment}` },
      },
    }),
    view(`${RBAC}:RoleBinding`, `inventory-${environment}-rolebinding`, {
      metadata: { name: "deployer", namespace: ns, labels: { "app.kubernetes.io/component": "deploy" } },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "deployer" },
      subjects: [
        { apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: `gitlab:project_env:7:${environment}` },
      ],
    }),
  ];
}

export function agentConfigFile(
  content = renderAgentConfig(AGENT.authorisations, AGENT.configProject, AGENT.managedBy),
): ResourceView {
  return view("gitlab:index/repositoryFile:RepositoryFile", "agent-config", {
    project: "platform/k8s-agents",
    branch: "main",
    filePath: plan.configFile.path,
    content,
    encoding: "text",
  });
}

/** The passing stack with an agent serving inventory's dev and staging environments. */
export function passingAgentStack(): ResourceView[] {
  return [
    ...passingStack(),
    agentClusterRole(),
    agentClusterRoleBinding(),
    ...agentTarget("dev"),
    ...agentTarget("staging"),
    agentConfigFile(),
  ];
}
