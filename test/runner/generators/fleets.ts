import fc from "fast-check";
import type { PlainConfig } from "../../../config/schema";
import { fleetSpecSchema } from "../../../model/fleet";
import { MANAGED_KUBERNETES_KEYS } from "../../../config/rules";
import { kubernetesSettingsSchema, type RunnerVersion } from "../../../model/config-toml";
import { arbitraryOf, type Overrides } from "./from-schema";
import { KUBERNETES_OVERRIDES, keysBeyondOverrides } from "./model-config";

type Fleet = PlainConfig["fleets"][number];

/** The job namespace of every generated fleet (a fleet's own, as the stack's rules want). */
export const GENERATED_JOB_NAMESPACE = "ci-generated";

const CONTAINER_CONTEXTS = [
  "buildContainerSecurityContext",
  "helperContainerSecurityContext",
  "serviceContainerSecurityContext",
  "initPermissionsContainerSecurityContext",
];
const VOLUME_KINDS = ["pvc", "configMap", "secret", "emptyDir", "csi", "nfs"];

/** A fleet's own volume never takes a name or path the platform mounts (the stack's rules refuse that). */
const ownVolumes: Overrides = Object.fromEntries(
  VOLUME_KINDS.flatMap((kind) => [
    [`kubernetes.volumes.${kind}.name`, fc.constantFrom(`own-${kind.toLowerCase()}`, "tools", "data")],
    [`kubernetes.volumes.${kind}.mountPath`, fc.constantFrom(`/mnt/${kind.toLowerCase()}`, "/opt/tools")],
  ]),
);

/**
 * What a valid fleet may set under `kubernetes`: everything but the keys the platform manages, settings Pod Security
 * "restricted" admits (no privilege, no escalation, no host path, NET_BIND_SERVICE only), host aliases Kubernetes
 * admits, and keys the pinned runner reads.
 */
function kubernetesOverrides(version: RunnerVersion): Overrides {
  const beyond = Object.entries(keysBeyondOverrides(version))
    .filter(([path]) => path.startsWith("runners.kubernetes."))
    .map(([path]) => [path.slice("runners.".length), null]);
  return {
    ...Object.fromEntries(beyond),
    ...KUBERNETES_OVERRIDES("kubernetes"),
    ...Object.fromEntries(Object.keys(MANAGED_KUBERNETES_KEYS).map((key) => [`kubernetes.${key}`, null])),
    "kubernetes.helperImage": fc.constantFrom(
      "registry.gitlab.com/gitlab-org/gitlab-runner/gitlab-runner-helper:x86_64-v19.3.0",
      "harbor.example.com/mirror/gitlab-runner-helper:alpine3.21-x86_64-v19.3.0",
    ),
    ...ownVolumes,
    "kubernetes.namespace": fc.constant(GENERATED_JOB_NAMESPACE),
    "kubernetes.volumes.hostPath": null,
    "kubernetes.allowPrivilegeEscalation": fc.constant(false),
    "kubernetes.capAdd": fc.constant(["NET_BIND_SERVICE"]),
    "kubernetes.hostAliases.ip": fc.ipV4(),
    "kubernetes.hostAliases.hostnames": fc.array(fc.domain(), { minLength: 1, maxLength: 2 }),
    ...Object.fromEntries(
      CONTAINER_CONTEXTS.flatMap((c) => [
        [`kubernetes.${c}.privileged`, null],
        [`kubernetes.${c}.allowPrivilegeEscalation`, fc.constant(false)],
        [`kubernetes.${c}.capabilities.add`, fc.constant(["NET_BIND_SERVICE"])],
      ]),
    ),
  };
}

const STORAGE_CLASS = fc.constantFrom("standard", "fast-ssd", "nas.csi.example.com");

/** The stack's caches a stack without ACK Serverless offers (nas and oss are ACK's). */
const cache = arbitraryOf(
  fleetSpecSchema.shape.cache,
  {
    overrides: {
      "cache.storageClass": STORAGE_CLASS,
      "cache.storageDomain": fc.constant("blob.core.example.com"),
      "cache.containerName": fc.constantFrom("ci-cache", "runner"),
      "cache.clientId": fc.uuid({ version: 4 }),
    },
  },
  "cache",
).filter((c) => !["nas", "oss"].includes((c as { type: string }).type));

/**
 * Valid fleets as a stack file holds them, derived from the stack's own schema: every key of `kubernetes` a fleet
 * may set, each runner setting a fleet has, every cache and builds kind, kaniko and Git SSH. Settings that never
 * reach config.toml (GitLab's side, the manager pod, the dangerous modes) keep their defaults.
 */
export function fleetsFor(version: RunnerVersion, complete = false): fc.Arbitrary<Fleet> {
  const overrides: Overrides = {
    ...kubernetesOverrides(version),
    name: fc.constant("generated"),
    cloneUrl: fc.constantFrom("https://gitlab.example.com", "http://gitlab.internal:8080/"),
    buildsDir: fc.constantFrom("/builds", "/workspace/builds"),
    cacheDir: fc.constantFrom("/cache", "/var/cache/ci"),
    cache,
    "builds.storageClass": STORAGE_CLASS,
    ...Object.fromEntries(
      [
        "description",
        "scope",
        "tags",
        "runUntagged",
        "protected",
        "locked",
        "paused",
        "maximumTimeout",
        "tokenRotation",
        "replicas",
        "manager",
        "eci",
        "dangerous",
      ].map((field) => [field, null]),
    ),
  };
  return arbitraryOf(kubernetesSettingsSchema, { overrides, complete }, "kubernetes").chain((kubernetes) =>
    arbitraryOf(fleetSpecSchema, {
      overrides: { ...overrides, kubernetes: fc.constant(kubernetes) },
      complete,
    }).map((fleet) => JSON.parse(JSON.stringify(fleet)) as Fleet),
  );
}
