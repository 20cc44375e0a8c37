import { Deployment } from "./deploy";
import { jobSettings, JobSettings } from "./job-pod";
import { describeObject, isRecord, KubeObject } from "./objects";

export interface DeployedFleet {
  name: string;
  managerNamespace: string;
  managerServiceAccount: string;
  replicas: number;
  statefulSet: KubeObject;
  job: JobSettings;
  /** The job namespace as deployed (renamed). */
  jobNamespace: string;
  jobServiceAccount: string;
}

/** Each fleet of a deployed stack: its manager StatefulSet and, from its config.toml, where its jobs run. */
export function deployedFleets(deployment: Deployment): DeployedFleet[] {
  return [...deployment.render.runnerConfigs.entries()].map(([name, toml]) => {
    const statefulSet = managerOf(deployment.objects, name);
    const podSpec = podSpecOf(statefulSet);
    const job = jobSettings(name, toml);
    if (!job.serviceAccount) throw new Error(`${name}.config.toml sets no service_account`);
    return {
      name,
      managerNamespace: statefulSet.metadata.namespace ?? "",
      managerServiceAccount: String(podSpec.serviceAccountName ?? "default"),
      replicas: Number(specOf(statefulSet).replicas ?? 1),
      statefulSet,
      job,
      jobNamespace: deployment.namespaces.map(job.namespace),
      jobServiceAccount: job.serviceAccount,
    };
  });
}

function managerOf(objects: KubeObject[], fleet: string): KubeObject {
  const found = objects.find(
    (o) => o.kind === "StatefulSet" && o.metadata.labels?.["app.kubernetes.io/instance"] === fleet,
  );
  if (!found) throw new Error(`no manager StatefulSet labelled app.kubernetes.io/instance=${fleet}`);
  return found;
}

function specOf(object: KubeObject): Record<string, unknown> {
  if (!isRecord(object.spec)) throw new Error(`${describeObject(object)} has no spec`);
  return object.spec;
}

function podSpecOf(statefulSet: KubeObject): Record<string, unknown> {
  const template = specOf(statefulSet).template;
  if (!isRecord(template) || !isRecord(template.spec))
    throw new Error(`${describeObject(statefulSet)}: no pod template`);
  return template.spec;
}

export function serviceAccountUser(namespace: string, name: string): string {
  return `system:serviceaccount:${namespace}:${name}`;
}
