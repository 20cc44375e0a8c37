import { readAgentAccessAnnotation } from "../../model/deploy";
import { ANNOTATIONS } from "../../model/labels";
import type { RecordedResource } from "./engine";
import type { K8sObject } from "./k8s-files";

const REGISTRATION = "gitlab-ci-platform:agent:AgentRegistration";
const AGENT = "gitlab:index/clusterAgent:ClusterAgent";
const FILE = "gitlab:index/repositoryFile:RepositoryFile";
const AGENTK = "gitlab-ci-platform:agent:AgentK";

type Row = (string | undefined)[];

interface Registration {
  name: string;
  configProject: string;
  configFile: RecordedResource;
}

/** Each agent the stack registers: its name, configuration project and configuration file. */
function registrations(resources: RecordedResource[]): Registration[] {
  return resources
    .filter((r) => r.type === REGISTRATION)
    .flatMap((parent) => {
      const children = resources.filter((r) => r.parent === parent.urn);
      const agent = children.find((r) => r.type === AGENT);
      const configFile = children.find((r) => r.type === FILE);
      if (!agent || !configFile) return [];
      const { name, project } = agent.inputs as { name: string; project: string };
      return [{ name, configProject: project, configFile }];
    });
}

/** `gitlab/<agent>.config.yaml`: the configuration file each agent's registration commits, as committed. */
export function agentConfigFiles(resources: RecordedResource[]): Map<string, string> {
  return new Map(
    registrations(resources).map((r) => [
      `gitlab/${r.name}.config.yaml`,
      String((r.configFile.inputs as { content: string }).content),
    ]),
  );
}

/**
 * The Agent table: per agent and authorised project and environment, the namespace whose RoleBinding names the
 * impersonated group, and that group.
 */
export function agentRows(resources: RecordedResource[], objects: K8sObject[]): Row[] {
  return registrations(resources).flatMap((agent) =>
    objects
      .filter((o) => o.kind === "Namespace" && annotation(o) !== undefined)
      .map((ns) => {
        const access = readAgentAccessAnnotation(annotation(ns) ?? "");
        const binding = objects.find(
          (o) => o.kind === "RoleBinding" && o.metadata.namespace === ns.metadata.name,
        ) as { subjects?: { kind: string; name: string }[] } | undefined;
        const group = binding?.subjects?.find((s) => s.kind === "Group")?.name;
        return [
          agent.name,
          agent.configProject,
          access.project,
          access.gitlabEnvironment,
          ns.metadata.name,
          group && `\`${group}\``,
        ];
      }),
  );
}

/** Where each agent's agentk runs and the kubecontext jobs select. */
export function agentNotes(resources: RecordedResource[]): string[] {
  return resources
    .filter((r) => r.type === AGENTK)
    .map((r) => {
      const outputs = r.outputs as { agent?: string; namespace?: string; context?: string };
      return `agentk of ${String(outputs.agent)} runs in namespace ${String(outputs.namespace)}; jobs select the kubecontext \`${String(outputs.context)}\``;
    });
}

function annotation(ns: K8sObject): string | undefined {
  return (ns.metadata.annotations as Record<string, string> | undefined)?.[ANNOTATIONS.agentAccess];
}
