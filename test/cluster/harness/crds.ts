import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { Kubectl } from "./kubectl";
import { KubeObject } from "./objects";

const FIXTURES = path.resolve(__dirname, "../fixtures");

/** Pinned CRDs by the `<group>/<kind>` of the objects that need them. */
const PINNED: Record<string, string> = {
  "monitoring.coreos.com/ServiceMonitor": "servicemonitor-crd.yaml",
  "monitoring.coreos.com/PrometheusRule": "prometheusrule-crd.yaml",
};

const installed = new Map<string, Promise<void>>();

/** CRDs the objects need, from fixtures; a custom kind without a pinned CRD is an error naming it. */
export function crdFilesFor(objects: KubeObject[]): string[] {
  const files = new Set<string>();
  for (const object of objects) {
    const group = object.apiVersion.includes("/") ? object.apiVersion.split("/")[0] : "";
    if (!group.includes(".") || group.endsWith(".k8s.io")) continue;
    const file = PINNED[`${group}/${object.kind}`];
    if (!file) throw new Error(`no pinned CRD for ${group}/${object.kind}: add one to test/cluster/fixtures`);
    files.add(file);
  }
  return [...files].sort();
}

/** Installs each CRD once per cluster and waits until the API server serves it. */
export async function installCrds(kubectl: Kubectl, objects: KubeObject[]): Promise<void> {
  for (const file of crdFilesFor(objects)) {
    let done = installed.get(file);
    if (!done) {
      done = installOne(kubectl, file);
      installed.set(file, done);
    }
    await done;
  }
}

/** Installs every pinned CRD, for stacks whose objects reach the API server only through the engine. */
export async function installPinnedCrds(kubectl: Kubectl): Promise<void> {
  const kinds = Object.keys(PINNED).map((key) => {
    const [group, kind] = key.split("/");
    return { apiVersion: `${group}/v1`, kind, metadata: { name: kind } } as KubeObject;
  });
  await installCrds(kubectl, kinds);
}

async function installOne(kubectl: Kubectl, file: string): Promise<void> {
  const crd = parse(fs.readFileSync(path.join(FIXTURES, file), "utf8")) as KubeObject;
  const result = await kubectl.apply(crd);
  if (result.code !== 0) throw new Error(`${file}: ${result.stderr.trim()}`);
  await kubectl.ok(["wait", "--for=condition=Established", "--timeout=60s", `crd/${crd.metadata.name}`]);
}
