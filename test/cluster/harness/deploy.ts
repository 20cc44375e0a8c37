import { applyAll, ApplyReport } from "./apply";
import { cluster } from "./cluster";
import { installCrds } from "./crds";
import { NamespaceMap } from "./namespaces";
import { KubeObject } from "./objects";
import { StackRender, synthesize } from "./synth";
import { withTestSecretValues } from "./test-secrets";
import { record } from "./timings";

export interface Deployment {
  render: StackRender;
  namespaces: NamespaceMap;
  /** What was applied: the synthesized objects with test secret values, in the renamed namespaces. */
  objects: KubeObject[];
  report: ApplyReport;
}

/** The synthesized objects made ready to apply under a namespace prefix of their own. */
export function prepare(
  render: StackRender,
  prefix: string,
): { namespaces: NamespaceMap; objects: KubeObject[] } {
  const namespaces = NamespaceMap.forObjects(prefix, render.objects);
  return { namespaces, objects: namespaces.apply(withTestSecretValues(render.objects)) };
}

const deployments = new Map<string, Promise<Deployment>>();

/** Synthesizes a stack and applies all of it once per prefix; tests that only read share one deployment. */
export function deployStack(stack: string, prefix = stack): Promise<Deployment> {
  let deployment = deployments.get(prefix);
  if (!deployment) {
    deployment = deploy(stack, prefix);
    deployments.set(prefix, deployment);
  }
  return deployment;
}

async function deploy(stack: string, prefix: string): Promise<Deployment> {
  const render = await synthesize(stack);
  const { namespaces, objects } = prepare(render, prefix);
  await installCrds(cluster().kubectl, objects);
  const report = await applyAll(cluster().kubectl, objects);
  record(`apply stack ${stack} (${objects.length} objects)`, report.ms);
  return { render, namespaces, objects, report };
}
