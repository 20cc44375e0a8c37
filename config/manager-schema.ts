import { z } from "../model/zod";
import { affinitySchema, labelSelectorSchema, quantity } from "../model/config-toml";
import { DEFAULTS } from "../model/defaults";
import type { ManagerEnvVar } from "../model/fleet/manager-options";
import { labels } from "./formats";

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
export const managerSchema = z.strictObject({
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
