import { z } from "../zod";
import { affinitySchema, labelSelectorSchema, quantity } from "../config-toml";
import { DEFAULTS } from "../defaults";
import { labels } from "../formats";

const M = DEFAULTS.fleet.manager;
const resourceList = z.strictObject({ cpu: quantity.optional(), memory: quantity.optional() });
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const OBJECT_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const objectName = z.string().regex(OBJECT_NAME, {
  message: "must be the name of a Kubernetes object: lower-case letters, digits, '-' and '.'",
});

const toleration = z.strictObject({
  key: z.string().min(1).optional(),
  operator: z.enum(["Exists", "Equal"]).optional(),
  value: z.string().optional(),
  effect: z.enum(["NoSchedule", "PreferNoSchedule", "NoExecute"]).optional(),
  tolerationSeconds: z.number().int().min(0).optional(),
});

const topologySpread = z.strictObject({
  maxSkew: z.number().int().min(1),
  topologyKey: z.string().min(1),
  whenUnsatisfiable: z.enum(["DoNotSchedule", "ScheduleAnyway"]),
  labelSelector: labelSelectorSchema.optional(),
  minDomains: z.number().int().min(1).optional(),
  matchLabelKeys: z.array(z.string().min(1)).optional(),
});

/** An extra environment variable: a literal, or a key of a Secret or ConfigMap in the manager namespace. */
export type ManagerEnvVar =
  | { name: string; value: string }
  | { name: string; secret: { name: string; key: string; optional?: boolean } }
  | { name: string; configMap: { name: string; key: string; optional?: boolean } };

const keyRef = z.strictObject({ name: objectName, key: z.string().min(1), optional: z.boolean().optional() });
const envName = z.string().regex(ENV_NAME, { message: "must be an environment variable name" });
const envVar = z
  .strictObject({
    name: envName,
    value: z.string().optional(),
    secret: keyRef.optional(),
    configMap: keyRef.optional(),
  })
  .refine((e) => [e.value, e.secret, e.configMap].filter((s) => s !== undefined).length === 1, {
    message: "needs exactly one of value, secret {name, key} or configMap {name, key}",
  })
  .transform((e): ManagerEnvVar => {
    if (e.secret) return { name: e.name, secret: e.secret };
    if (e.configMap) return { name: e.name, configMap: e.configMap };
    return { name: e.name, value: e.value ?? "" };
  });

const volume = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, { message: "must be a DNS label" }),
    mountPath: z.string().startsWith("/", { message: "must be an absolute path" }),
    readOnly: z.boolean().optional(),
    secret: objectName.optional(),
    configMap: objectName.optional(),
    emptyDir: z.strictObject({ sizeLimit: quantity.optional() }).optional(),
  })
  .refine((v) => [v.secret, v.configMap, v.emptyDir].filter((s) => s !== undefined).length === 1, {
    message: "needs exactly one source: secret, configMap or emptyDir (what Pod Security restricted admits)",
  });

/** `fleets[i].manager`: the manager pod, with the options the official Helm chart offers. */
export const managerSpecSchema = z.strictObject({
  /** Of the runner container. */
  requests: resourceList.default(() => ({ ...M.requests })),
  limits: resourceList.default(() => ({ ...M.limits })),
  nodeSelector: labels.default(() => ({ ...M.nodeSelector })),
  podAnnotations: z.record(z.string().min(1), z.string()).default(() => ({ ...M.podAnnotations })),
  podLabels: labels.default(() => ({ ...M.podLabels })),
  tolerations: z.array(toleration).default(() => [...M.tolerations]),
  affinity: affinitySchema.optional(),
  topologySpreadConstraints: z.array(topologySpread).default(() => [...M.topologySpreadConstraints]),
  priorityClassName: objectName.optional(),
  env: z.array(envVar).default(() => [...M.env]),
  volumes: z.array(volume).default(() => [...M.volumes]),
  imagePullSecrets: z.array(objectName).default(() => [...M.imagePullSecrets]),
  imageFlavor: z.enum(["alpine", "ubuntu"]).default(M.imageFlavor),
  imageDigest: z
    .string()
    .regex(/^sha256:[0-9a-f]{64}$/, { message: "must be a digest: sha256: and 64 hex digits" })
    .optional(),
  metricsPort: z.number().int().min(1024).max(65535).default(M.metricsPort),
});

/** A fleet's manager pod: its resources, image and the chart's pod options. */
export type ManagerSpec = z.output<typeof managerSpecSchema>;
/** The runner image's flavours: alpine (the default) and ubuntu, each with its own gitlab-runner user. */
export type ManagerImageFlavor = ManagerSpec["imageFlavor"];
export type ManagerToleration = z.output<typeof toleration>;
/** A topology spread constraint; without a labelSelector it selects the fleet's manager pods. */
export type ManagerTopologySpread = z.output<typeof topologySpread>;
/** An extra volume for the manager container; exactly one source, of those Pod Security "restricted" admits. */
export type ManagerVolume = z.output<typeof volume>;
/** The manager pod options people know from the official Helm chart. */
export type ManagerPodOptions = Pick<
  ManagerSpec,
  | "podAnnotations"
  | "podLabels"
  | "tolerations"
  | "affinity"
  | "topologySpreadConstraints"
  | "priorityClassName"
  | "env"
  | "volumes"
  | "imagePullSecrets"
>;
