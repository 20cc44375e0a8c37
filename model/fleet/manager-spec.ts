import { createHash } from "node:crypto";
import type * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import type { HostAlias } from "../config-toml";
import { ANNOTATIONS } from "../labels";
import { RESTRICTED_CONTAINER_CONTEXT } from "../pod-security";
import {
  DATA_KEYS,
  ENV,
  GRACE_MARGIN_SECONDS,
  MANAGER_PATHS,
  MANAGER_POD_ENV,
  MANAGER_VOLUMES,
  SHUTDOWN_TIMEOUT_SECONDS,
} from "./constants";
import { extraEnv, extraVolumes, MANAGER_USER, schedulingOptions } from "./manager-options";
import type { ManagerImageFlavor, ManagerPodOptions } from "./manager-schema";
import { MANAGER_COMMAND, readinessCommand } from "./manager-process";
import type { ManagerRead } from "./credential-secrets";

type PodSpec = k8s.types.input.core.v1.PodSpec;
type StatefulSetSpec = k8s.types.input.apps.v1.StatefulSetSpec;
type EnvVar = k8s.types.input.core.v1.EnvVar;
type ResourceList = { cpu?: string; memory?: string };

export interface ManagerSpecInput {
  fleet: string;
  image: string;
  replicas: number;
  serviceAccount: string;
  /** Headless Service that gives each replica its stable name. */
  serviceName: string;
  configMap: string;
  tokenSecret: string;
  /** Secrets the manager reads (a cache's credential), each as environment variables or mounted files. */
  credentials: { secret: string; read: ManagerRead }[];
  caConfigMap?: string;
  hostAliases: HostAlias[];
  resources: { requests: ResourceList; limits: ResourceList };
  nodeSelector: Record<string, string>;
  /** The image's flavour decides the gitlab-runner user the manager runs as. */
  imageFlavor: ManagerImageFlavor;
  /** Chart-style pod options: annotations, labels, scheduling, extra environment and volumes, pull secrets. */
  pod: ManagerPodOptions;
  metricsPort: number;
  /** Longest job the fleet runs, in seconds. */
  maximumTimeout: number;
  /**
   * Changes when the runner is re-created in GitLab, so a new token rolls the pods. Only this annotation waits for
   * the runner: the rest of the spec stays known at preview.
   */
  runnerRevision: pulumi.Input<string>;
  /** See credentialsChecksum(); absent when the manager reads no credential besides its token. */
  credentialsChecksum?: pulumi.Input<string>;
  labels: Record<string, string>;
  /** Extra pod annotations (ECI's, on virtual nodes). */
  podAnnotations?: Record<string, string>;
}

/** `s_` and 12 hex digits of the replica's namespace/name: stable across restarts, distinct per replica. */
export function systemIdFor(namespace: string, podName: string): string {
  return `s_${createHash("sha256").update(`${namespace}/${podName}`).digest("hex").slice(0, 12)}`;
}

/**
 * Prepares the writable config directory: config.toml is a symlink into the ConfigMap mount (so an updated
 * ConfigMap reaches the runner, which reloads it without a restart — a subPath mount would never update), and
 * .runner_system_id is derived as systemIdFor() does, so a restarted replica is the same runner manager in GitLab.
 */
export const PREPARE_CONFIG_SCRIPT = [
  "set -eu",
  `ln -sf ${MANAGER_PATHS.configMapDir}/${DATA_KEYS.configToml} ${MANAGER_PATHS.configDir}/config.toml`,
  `printf 's_%s' "$(printf '%s' "$POD_NAMESPACE/$POD_NAME" | sha256sum | cut -c1-12)" > ${MANAGER_PATHS.configDir}/.runner_system_id`,
].join("\n");

/** Pulumi's custom timeouts for the manager StatefulSet. */
export interface ManagerTimeouts {
  create: string;
  update: string;
  delete: string;
}

/** Long enough for the longest job, its after_script and uploads, the forceful-shutdown cleanup and a margin. */
export function terminationGracePeriod(maximumTimeout: number): number {
  return maximumTimeout + SHUTDOWN_TIMEOUT_SECONDS + GRACE_MARGIN_SECONDS;
}

/**
 * How long Pulumi waits for the StatefulSet. A rolling update replaces one replica at a time and each may drain
 * for a whole grace period; a deletion (foreground) waits for all replicas, which drain in parallel.
 */
export function managerTimeouts(maximumTimeout: number, replicas: number): ManagerTimeouts {
  const grace = Math.ceil(terminationGracePeriod(maximumTimeout) / 60);
  return { create: "10m", update: `${replicas * grace + 10}m`, delete: `${grace + 5}m` };
}

/** Restricted, with a read-only root filesystem: the manager writes only to its emptyDir volumes. */
const RESTRICTED_CONTAINER = { ...RESTRICTED_CONTAINER_CONTEXT, readOnlyRootFilesystem: true };

/** The manager StatefulSet's spec: Pod Security "restricted", graceful stop, stable identity per replica. */
export function managerStatefulSetSpec(input: ManagerSpecInput): StatefulSetSpec {
  return {
    replicas: input.replicas,
    serviceName: input.serviceName,
    podManagementPolicy: "Parallel",
    updateStrategy: { type: "RollingUpdate" },
    selector: { matchLabels: input.labels },
    template: {
      metadata: {
        // The platform's labels last: the StatefulSet selects its pods by them.
        labels: { ...input.pod.podLabels, ...input.labels },
        // The platform's annotations (ECI's on virtual nodes), the fleet's own, then what the platform keys on.
        annotations: {
          ...input.podAnnotations,
          ...input.pod.podAnnotations,
          [ANNOTATIONS.runnerRevision]: input.runnerRevision,
          ...(input.credentialsChecksum !== undefined
            ? { [ANNOTATIONS.credentialsChecksum]: input.credentialsChecksum }
            : {}),
        },
      },
      spec: managerPodSpec(input),
    },
  };
}

function managerPodSpec(input: ManagerSpecInput): PodSpec {
  const user = MANAGER_USER[input.imageFlavor];
  const extra = extraVolumes(input.pod.volumes);
  const podEnv: EnvVar[] = [
    { name: MANAGER_POD_ENV.podName, valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
    { name: MANAGER_POD_ENV.podNamespace, valueFrom: { fieldRef: { fieldPath: "metadata.namespace" } } },
  ];
  return {
    serviceAccountName: input.serviceAccount,
    automountServiceAccountToken: true,
    enableServiceLinks: false,
    terminationGracePeriodSeconds: terminationGracePeriod(input.maximumTimeout),
    securityContext: {
      runAsNonRoot: true,
      runAsUser: user.uid,
      runAsGroup: user.gid,
      fsGroup: user.gid,
      seccompProfile: { type: "RuntimeDefault" },
    },
    nodeSelector: { "kubernetes.io/os": "linux", ...input.nodeSelector },
    // Replicas on different nodes where possible, so one node going down leaves the fleet running.
    ...schedulingOptions(
      input.pod,
      input.replicas > 1 ? spreadAcrossNodes(input.labels) : undefined,
      input.labels,
    ),
    hostAliases: input.hostAliases.length ? input.hostAliases : undefined,
    initContainers: [
      {
        name: "prepare-config",
        image: input.image,
        command: ["/bin/sh", "-c", PREPARE_CONFIG_SCRIPT],
        env: podEnv,
        securityContext: RESTRICTED_CONTAINER,
        resources: { requests: { cpu: "10m", memory: "16Mi" }, limits: { cpu: "100m", memory: "32Mi" } },
        volumeMounts: [{ name: MANAGER_VOLUMES.config, mountPath: MANAGER_PATHS.configDir }],
      },
    ],
    containers: [
      {
        name: "runner",
        image: input.image,
        // Turns Kubernetes' SIGTERM into the runner's graceful SIGQUIT (see runnerEntrypoint).
        command: MANAGER_COMMAND,
        // The fleet's own variables first: the platform's (token, keys, identity) win a name they share.
        env: [
          ...extraEnv(input.pod.env),
          ...podEnv,
          { name: MANAGER_POD_ENV.home, value: MANAGER_PATHS.home },
          ...secretEnv(input),
        ],
        ports: [{ name: "metrics", containerPort: input.metricsPort, protocol: "TCP" }],
        // Probes look at the runner (and its token) only: GitLab being unreachable must not restart it.
        livenessProbe: {
          tcpSocket: { port: "metrics" },
          periodSeconds: 20,
          failureThreshold: 6,
          timeoutSeconds: 5,
        },
        readinessProbe: {
          exec: { command: readinessCommand() },
          periodSeconds: 10,
          timeoutSeconds: 5,
        },
        resources: {
          requests: definedOnly(input.resources.requests),
          limits: definedOnly(input.resources.limits),
        },
        securityContext: RESTRICTED_CONTAINER,
        volumeMounts: [
          { name: MANAGER_VOLUMES.config, mountPath: MANAGER_PATHS.configDir },
          { name: MANAGER_VOLUMES.configTemplate, mountPath: MANAGER_PATHS.configMapDir, readOnly: true },
          { name: MANAGER_VOLUMES.home, mountPath: MANAGER_PATHS.home },
          { name: MANAGER_VOLUMES.tmp, mountPath: MANAGER_PATHS.tmp },
          ...(input.caConfigMap
            ? [{ name: MANAGER_VOLUMES.gitlabCa, mountPath: dirOf(MANAGER_PATHS.caFile), readOnly: true }]
            : []),
          ...credentialFiles(input).map(({ files }) => ({
            name: files.volume,
            mountPath: files.directory,
            readOnly: true,
          })),
          ...extra.mounts,
        ],
      },
    ],
    volumes: [
      { name: MANAGER_VOLUMES.config, emptyDir: { sizeLimit: "16Mi" } },
      { name: MANAGER_VOLUMES.configTemplate, configMap: { name: input.configMap } },
      { name: MANAGER_VOLUMES.home, emptyDir: { sizeLimit: "256Mi" } },
      { name: MANAGER_VOLUMES.tmp, emptyDir: { sizeLimit: "256Mi" } },
      ...(input.caConfigMap
        ? [{ name: MANAGER_VOLUMES.gitlabCa, configMap: { name: input.caConfigMap } }]
        : []),
      ...credentialFiles(input).map(({ secret, files }) => ({
        name: files.volume,
        secret: { secretName: secret },
      })),
      ...extra.volumes,
    ],
  };
}

function spreadAcrossNodes(labels: Record<string, string>): k8s.types.input.core.v1.Affinity {
  return {
    podAntiAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [
        {
          weight: 100,
          podAffinityTerm: { topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: labels } },
        },
      ],
    },
  };
}

function secretEnv(input: ManagerSpecInput): EnvVar[] {
  const fromSecret = (name: string, secret: string, key: string): EnvVar => ({
    name,
    valueFrom: { secretKeyRef: { name: secret, key } },
  });
  return [
    fromSecret(ENV.runnerToken, input.tokenSecret, DATA_KEYS.runnerToken),
    ...input.credentials.flatMap(({ secret, read }) =>
      "env" in read ? read.env.map(({ name, key }) => fromSecret(name, secret, key)) : [],
    ),
  ];
}

/** The credentials the manager reads as files, each a Secret mounted read-only at its directory. */
function credentialFiles(
  input: ManagerSpecInput,
): { secret: string; files: { volume: string; directory: string } }[] {
  return input.credentials.flatMap(({ secret, read }) =>
    "files" in read ? [{ secret, files: read.files }] : [],
  );
}

function definedOnly(list: ResourceList): Record<string, string> {
  return Object.fromEntries(Object.entries(list).filter((e): e is [string, string] => e[1] !== undefined));
}

function dirOf(file: string): string {
  return file.slice(0, file.lastIndexOf("/"));
}
