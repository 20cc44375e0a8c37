import { parse as parseToml } from "@iarna/toml";
import { jobVolumes, volumeMounts } from "./job-volumes";
import { isRecord, KubeObject } from "./objects";
import { applyPodSpecPatches } from "./pod-spec-patch";
import { bool, camelKeys, defined, strings, Table, table, tables, text } from "./toml-values";

/** What one fleet's config.toml tells the Kubernetes executor about its job pods. */
export interface JobSettings {
  fleet: string;
  namespace: string;
  serviceAccount?: string;
  kubernetes: Table;
}

export function jobSettings(fleet: string, configToml: string): JobSettings {
  const runners = tables(parseToml(configToml).runners);
  if (runners.length !== 1)
    throw new Error(`${fleet}.config.toml: expected one [[runners]], found ${runners.length}`);
  const kubernetes = table(runners[0].kubernetes);
  const namespace = text(kubernetes.namespace);
  if (!namespace) throw new Error(`${fleet}.config.toml: [runners.kubernetes] has no namespace`);
  return { fleet, namespace, serviceAccount: text(kubernetes.service_account), kubernetes };
}

const HELPER_IMAGE = "registry.gitlab.com/gitlab-org/gitlab-runner/gitlab-runner-helper:x86_64-v19.3.0";
const DEFAULT_JOB_IMAGE = "alpine:3.20";
const SERVICE_IMAGE = "docker.io/library/postgres:17-alpine";
// The executor drops NET_RAW from every container unless cap_add names it.
const DEFAULT_CAP_DROP = ["NET_RAW"];

/**
 * A job pod as the GitLab Runner Kubernetes executor builds it from [runners.kubernetes]: init container
 * `init-permissions`, containers `build`, `helper` and one service `svc-0`, the security contexts, resources,
 * volumes and pod settings from config.toml, then the `pod_spec` patches.
 */
export function jobPod(settings: JobSettings, namespace = settings.namespace): KubeObject {
  const k = settings.kubernetes;
  const volumes = jobVolumes(k);
  const mounts = volumeMounts(k);
  const spec = defined({
    serviceAccountName: settings.serviceAccount,
    automountServiceAccountToken: bool(k.automount_service_account_token),
    securityContext: camelKeys(k.pod_security_context),
    imagePullSecrets: strings(k.image_pull_secrets).map((name) => ({ name })),
    hostAliases: camelKeys(k.host_aliases),
    nodeSelector: k.node_selector,
    tolerations: tolerations(k.node_tolerations),
    runtimeClassName: text(k.runtime_class_name),
    priorityClassName: text(k.priority_class_name),
    restartPolicy: "Never",
    initContainers: [initPermissions(k)],
    containers: [
      container("build", buildImage(k), securityContext(k, "build"), resources(k, ""), mounts),
      container("helper", helperImage(k), securityContext(k, "helper"), resources(k, "helper_"), mounts),
      container("svc-0", SERVICE_IMAGE, securityContext(k, "service"), resources(k, "service_"), mounts),
    ],
    volumes,
  });
  const pod: KubeObject = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: defined({
      name: `runner-${settings.fleet}-project-1-concurrent-0-test`,
      namespace,
      // pod_annotations as the executor sets them (ECI's, on ACK Serverless), judged by the API server too.
      annotations: isRecord(k.pod_annotations) ? (k.pod_annotations as Record<string, string>) : undefined,
    }),
    spec,
  };
  return applyPodSpecPatches(pod, tables(k.pod_spec));
}

function buildImage(k: Table): string {
  return text(k.image) ?? DEFAULT_JOB_IMAGE;
}

function helperImage(k: Table): string {
  return text(k.helper_image) ?? HELPER_IMAGE;
}

function container(name: string, image: string, sc: unknown, res: unknown, mounts: unknown[]): Table {
  return defined({ name, image, securityContext: sc, resources: res, volumeMounts: structuredClone(mounts) });
}

function initPermissions(k: Table): Table {
  const sc = securityContext(k, "init_permissions");
  return container("init-permissions", helperImage(k), sc, resources(k, "helper_"), [
    { name: "logs", mountPath: "/logs-1-1" },
  ]);
}

type ContainerKind = "build" | "helper" | "service" | "init_permissions";

/** The container's `*_container_security_context`, with `privileged` and the default capabilities underneath. */
function securityContext(k: Table, kind: ContainerKind): Table {
  const own = table(camelKeys(k[`${kind}_container_security_context`]));
  const privileged = bool(k.privileged) ?? false;
  const allowPrivilegeEscalation = bool(k.allow_privilege_escalation);
  const capabilities = own.capabilities ?? defaultCapabilities(k);
  return defined({ privileged, allowPrivilegeEscalation, ...own, capabilities });
}

function defaultCapabilities(k: Table): Table {
  const add = strings(k.cap_add);
  const drop = [...new Set([...DEFAULT_CAP_DROP, ...strings(k.cap_drop)])].filter((c) => !add.includes(c));
  return defined({ add: add.length > 0 ? add : undefined, drop });
}

function resources(k: Table, prefix: string): Table {
  const pick = (kind: "limit" | "request") =>
    defined({
      cpu: text(k[`${prefix}cpu_${kind}`]),
      memory: text(k[`${prefix}memory_${kind}`]),
      "ephemeral-storage": text(k[`${prefix}ephemeral_storage_${kind}`]),
    });
  return { limits: pick("limit"), requests: pick("request") };
}

function tolerations(value: unknown): Table[] | undefined {
  if (!isRecord(value)) return undefined;
  return Object.entries(value).map(([keyValue, effect]) => {
    const [key, val] = keyValue.split("=");
    return defined({
      key,
      operator: val === undefined ? "Exists" : "Equal",
      value: val,
      effect: text(effect),
    });
  });
}
