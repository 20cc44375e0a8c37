import { stringify } from "yaml";
import type { Kubectl } from "../../cluster/harness/kubectl";
import { waitUntil } from "../../cluster/harness/wait";
import type { StateObject } from "./state";

interface Listed {
  items: { kind: string; metadata: { name: string; namespace?: string; uid: string } }[];
}

const nameOf = (o: { kind: string; name: string; namespace?: string }) =>
  `${o.kind} ${o.namespace ? `${o.namespace}/` : ""}${o.name}`;

/** Those of the objects the API server does not have (one `kubectl get -f -` for all). */
export async function missingObjects(kubectl: Kubectl, objects: StateObject[]): Promise<string[]> {
  const stubs = objects.map((o) => ({
    apiVersion: o.apiVersion,
    kind: o.kind,
    metadata: { name: o.name, ...(o.namespace ? { namespace: o.namespace } : {}) },
  }));
  const result = await kubectl.run(
    ["get", "--ignore-not-found", "-o", "json", "-f", "-"],
    stringify({ apiVersion: "v1", kind: "List", items: stubs }),
  );
  if (result.code !== 0) throw new Error(`kubectl get: ${result.stderr}`);
  const found = new Set(
    (JSON.parse(result.stdout || '{"items":[]}') as Listed).items.map((i) =>
      nameOf({ kind: i.kind, name: i.metadata.name, namespace: i.metadata.namespace }),
    ),
  );
  return objects.map(nameOf).filter((o) => !found.has(o));
}

export interface ObjectState {
  uid: string;
  resourceVersion: string;
  data?: Record<string, string>;
  spec?: { template?: { metadata?: { annotations?: Record<string, string> } }; replicas?: number };
}

export async function getObject(
  kubectl: Kubectl,
  kind: string,
  namespace: string,
  name: string,
): Promise<ObjectState> {
  const object = await kubectl.json<{ metadata: { uid: string; resourceVersion: string } } & ObjectState>([
    "get",
    kind,
    "-n",
    namespace,
    name,
  ]);
  return { ...object, uid: object.metadata.uid, resourceVersion: object.metadata.resourceVersion };
}

/** The revision (pod template hash) the StatefulSet controller has computed for the StatefulSet's current spec. */
export async function statefulSetRevision(
  kubectl: Kubectl,
  namespace: string,
  name: string,
): Promise<string> {
  type Sts = {
    metadata: { generation: number };
    status?: { observedGeneration?: number; updateRevision?: string };
  };
  let revision = "";
  await waitUntil(
    `StatefulSet ${namespace}/${name} observed by its controller`,
    async () => {
      const sts = await kubectl.json<Sts>(["get", "statefulset", "-n", namespace, name]);
      revision = sts.status?.updateRevision ?? "";
      return sts.status?.observedGeneration === sts.metadata.generation && revision !== "";
    },
    { timeoutMs: 30000 },
  );
  return revision;
}
