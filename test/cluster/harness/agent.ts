import * as fs from "node:fs";
import * as path from "node:path";
import { stringify } from "yaml";
import type { Identity } from "../../../model/agent";
import { cluster } from "./cluster";
import { Deployment } from "./deploy";
import { Kubectl } from "./kubectl";
import { isRecord, KubeObject } from "./objects";

/** agentk as a deployed stack has it: its ServiceAccount, and the ids its ClusterRole and RoleBindings name. */
export interface DeployedAgent {
  namespace: string;
  serviceAccount: string;
  /** The numeric id of the authorised project (from an agent target's RoleBinding). */
  projectId: number;
  /** Ids of the project's group and its ancestors (the `gitlab:group:<id>` names agentk may impersonate). */
  groupIds: number[];
}

const agentObject = (objects: KubeObject[], kind: string) =>
  objects.find(
    (o) => o.kind === kind && o.metadata.labels?.["app.kubernetes.io/component"] === "gitlab-agent",
  );

/** The stack's agentk and the ids its RBAC names. */
export function deployedAgent(deployment: Deployment, applicationNamespace: string): DeployedAgent {
  const sa = agentObject(deployment.objects, "ServiceAccount");
  const role = agentObject(deployment.objects, "ClusterRole");
  if (!sa || !role) throw new Error(`stack ${deployment.render.stack} runs no agentk`);
  const binding = deployment.objects.find(
    (o) => o.kind === "RoleBinding" && o.metadata.namespace === applicationNamespace,
  );
  const subject = (Array.isArray(binding?.subjects) ? binding.subjects : []).find(isRecord);
  const projectId = Number(/^gitlab:project_env:(\d+):/.exec(String(subject?.name))?.[1]);
  const names = (Array.isArray(role.rules) ? role.rules : [])
    .filter(isRecord)
    .flatMap((r) => (Array.isArray(r.resourceNames) ? r.resourceNames.map(String) : []));
  const groupIds = names.flatMap((n) => /^gitlab:group:(\d+)$/.exec(n)?.[1] ?? []).map(Number);
  return { namespace: sa.metadata.namespace ?? "", serviceAccount: sa.metadata.name, projectId, groupIds };
}

let written = 0;

/** A token of agentk's ServiceAccount, as the kubelet projects into its pods (TokenRequest). */
export async function agentToken(agent: DeployedAgent): Promise<string> {
  const args = ["create", "token", agent.serviceAccount, "-n", agent.namespace, "--duration=1h"];
  return (await cluster().kubectl.ok(args)).trim();
}

/**
 * A kubeconfig that calls the API server as agentk does for a job: with agentk's own token, impersonating the
 * identity (Impersonate-User, -Group and -Extra-* headers), in the context `contextName` (the current one unless
 * `current` is false, as when a job must select it). Returns its path.
 */
export function agentKubeconfig(
  token: string,
  identity: Identity | undefined,
  contextName: string,
  current = true,
): string {
  const user: Record<string, unknown> = { token };
  if (identity) {
    user.as = identity.username;
    user["as-groups"] = identity.groups;
    user["as-user-extra"] = identity.extra;
  }
  const kubeconfig = {
    apiVersion: "v1",
    kind: "Config",
    clusters: [
      {
        name: "agent",
        cluster: {
          server: cluster().controlPlane.server,
          "certificate-authority": cluster().controlPlane.caCert,
        },
      },
    ],
    users: [{ name: "agentk", user }],
    contexts: [{ name: contextName, context: { cluster: "agent", user: "agentk" } }],
    ...(current ? { "current-context": contextName } : {}),
  };
  written += 1;
  const file = path.join(cluster().controlPlane.dir, `agent-${written}.kubeconfig`);
  fs.writeFileSync(file, stringify(kubeconfig), { mode: 0o600 });
  return file;
}

/** kubectl as agentk, impersonating `identity` (or as agentk itself when none). */
export function kubectlAsAgent(token: string, identity?: Identity): Kubectl {
  const file = agentKubeconfig(token, identity, "agentk");
  return new Kubectl(cluster().assets.path("kubectl") ?? "kubectl", file);
}
