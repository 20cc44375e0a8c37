import { ResourceView, asArray, asRecord, at, label } from "./view";

export const WORKLOAD_TYPES = [
  "kubernetes:apps/v1:StatefulSet",
  "kubernetes:apps/v1:Deployment",
  "kubernetes:apps/v1:DaemonSet",
  "kubernetes:apps/v1:ReplicaSet",
  "kubernetes:batch/v1:Job",
  "kubernetes:batch/v1:CronJob",
  "kubernetes:core/v1:Pod",
] as const;

/** Where the pod spec sits in each workload kind, as a dotted path. */
function podSpecPath(type: string): string {
  if (type === "kubernetes:core/v1:Pod") return "spec";
  if (type === "kubernetes:batch/v1:CronJob") return "spec.jobTemplate.spec.template.spec";
  return "spec.template.spec";
}

export interface PodSpecAt {
  path: string;
  spec: Record<string, unknown>;
}

export function podSpecOf(resource: ResourceView): PodSpecAt | undefined {
  const path = podSpecPath(resource.type);
  const spec = asRecord(at(resource.props, path));
  return spec ? { path, spec } : undefined;
}

export interface ContainerAt {
  path: string;
  container: Record<string, unknown>;
}

/** Every container and init container of a pod spec, each with its field path. */
export function containersOf(pod: PodSpecAt): ContainerAt[] {
  return ["initContainers", "containers"].flatMap((key) =>
    asArray(pod.spec[key]).map((container, index) => ({
      path: `${pod.path}.${key}[${index}]`,
      container: asRecord(container) ?? {},
    })),
  );
}

const RUNNER_IMAGE = /(^|\/)gitlab-runner(:|@|$)/;

/**
 * A GitLab Runner manager: labelled `app.kubernetes.io/component: runner` (what this platform writes) or running
 * the gitlab-runner image (what the official chart and hand-written manifests do).
 */
export function isRunnerManager(resource: ResourceView): boolean {
  if (!(WORKLOAD_TYPES as readonly string[]).includes(resource.type)) return false;
  if (label(resource, "app.kubernetes.io/component") === "runner") return true;
  const pod = podSpecOf(resource);
  return (
    pod !== undefined && containersOf(pod).some(({ container }) => RUNNER_IMAGE.test(String(container.image)))
  );
}
