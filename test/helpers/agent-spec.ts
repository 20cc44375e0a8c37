import type { AgentSpec } from "../../model/agent";

/** An agent as the dev stack declares it, authorising platform/inventory in dev and staging; `changes` replace keys. */
export function agentSpec(changes: Partial<AgentSpec> = {}): AgentSpec {
  return {
    name: "dev-cluster",
    configProject: "platform/k8s-agents",
    kasAddress: "wss://gitlab.example.com/-/kubernetes-agent/",
    hostAliases: [],
    image: "registry.gitlab.com/gitlab-org/cluster-integration/gitlab-agent/agentk:v19.3.0",
    replicas: 2,
    namespace: "gitlab-agent",
    requests: { cpu: "50m", memory: "64Mi" },
    limits: { cpu: "500m", memory: "256Mi" },
    apiServerPort: 6443,
    authorisations: [{ project: "platform/inventory", environments: ["dev", "staging"] }],
    managedBy: "the gitlab-ci-platform stack test",
    ...changes,
  };
}
