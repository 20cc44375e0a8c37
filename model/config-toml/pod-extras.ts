import { z } from "../zod";
import {
  dnsName,
  goDurationOfAtLeast,
  ipAddress,
  type KeyTable,
  nonNegativeInt,
  patchType,
  stringList,
} from "./primitives";
import { section } from "./section";

/** An /etc/hosts entry of job pods as the runner reads it: any strings (it passes them through unchecked). */
export const hostAliasSchema = z.strictObject({
  ip: z.string().min(1, { error: "a host alias needs an IP address" }),
  hostnames: z.array(z.string()).min(1, { error: "a host alias needs at least one hostname" }),
});

/** A host alias in the form Kubernetes admits into a pod: an IP address and lower-case DNS names. */
export const admissibleHostAliasSchema = z.strictObject({
  ip: ipAddress,
  hostnames: z.array(dnsName).min(1, { error: "a host alias needs at least one hostname" }),
});
export type HostAlias = z.infer<typeof hostAliasSchema>;
const HOST_ALIAS_KEYS: KeyTable<HostAlias> = { ip: "ip", hostnames: "hostnames" };

export const dnsOptionSchema = z.strictObject({
  name: z.string().min(1, { error: "a DNS option needs a name" }),
  value: z.string().optional(),
});
export type DnsOption = z.infer<typeof dnsOptionSchema>;
const DNS_OPTION_KEYS: KeyTable<DnsOption> = { name: "name", value: "value" };

export const dnsConfigSchema = z.strictObject({
  nameservers: stringList.optional(),
  options: z.array(dnsOptionSchema).optional(),
  searches: stringList.optional(),
});
export type DnsConfig = z.infer<typeof dnsConfigSchema>;
const DNS_CONFIG_KEYS: KeyTable<DnsConfig> = {
  nameservers: "nameservers",
  options: "options",
  searches: "searches",
};

export const podSpecPatchSchema = z
  .strictObject({
    name: z.string().optional(),
    patch: z.string().optional(),
    patchPath: z.string().optional(),
    patchType: patchType.optional(),
  })
  .refine((p) => (p.patch === undefined) !== (p.patchPath === undefined), {
    error: "set exactly one of patch and patchPath",
    path: ["patch"],
  });
export type PodSpecPatch = z.infer<typeof podSpecPatchSchema>;
const POD_SPEC_PATCH_KEYS: KeyTable<PodSpecPatch> = {
  name: "name",
  patch: "patch",
  patchPath: "patch_path",
  patchType: "patch_type",
};

export const serviceSchema = z.strictObject({
  name: z.string().min(1, { error: "a service needs an image name" }),
  alias: z.string().optional(),
  command: stringList.optional(),
  entrypoint: stringList.optional(),
  environment: stringList.optional(),
  suspendDataPath: z.string().optional(),
});
export type Service = z.infer<typeof serviceSchema>;
const SERVICE_KEYS: KeyTable<Service> = {
  name: "name",
  alias: "alias",
  command: "command",
  entrypoint: "entrypoint",
  environment: "environment",
  suspendDataPath: "suspend_data_path",
};

export const autoscalerPolicySchema = z.strictObject({
  periods: stringList.optional(),
  timezone: z.string().optional(),
  idleCount: nonNegativeInt.optional(),
  /** The runner's schema refuses an idle time under a second. */
  idleTime: goDurationOfAtLeast(1).optional(),
  scaleFactor: z.number().nonnegative({ error: "must not be negative" }).optional(),
  scaleFactorLimit: nonNegativeInt.optional(),
  preemptiveMode: z.boolean().optional(),
});
export type AutoscalerPolicy = z.infer<typeof autoscalerPolicySchema>;
const AUTOSCALER_POLICY_KEYS: KeyTable<AutoscalerPolicy> = {
  periods: "periods",
  timezone: "timezone",
  idleCount: "idle_count",
  idleTime: "idle_time",
  scaleFactor: "scale_factor",
  scaleFactorLimit: "scale_factor_limit",
  preemptiveMode: "preemptive_mode",
};

/** Pause pods that keep nodes warm for jobs: [runners.kubernetes.autoscaler]. */
export const pausePodAutoscalerSchema = z.strictObject({
  maxPausePods: nonNegativeInt.optional(),
  pausePodImage: z.string().optional(),
  pausePodPriorityClassName: z.string().optional(),
  policy: z.array(autoscalerPolicySchema).optional(),
  pausePodImagePullSecrets: stringList.optional(),
});
export type PausePodAutoscaler = z.infer<typeof pausePodAutoscalerSchema>;
const PAUSE_POD_AUTOSCALER_KEYS: KeyTable<PausePodAutoscaler> = {
  maxPausePods: "max_pause_pods",
  pausePodImage: "pause_pod_image",
  pausePodPriorityClassName: "pause_pod_priority_class_name",
  policy: "policy",
  pausePodImagePullSecrets: "pause_pod_image_pull_secrets",
};

export const HOST_ALIAS_SECTION = section<HostAlias>(HOST_ALIAS_KEYS);
export const DNS_CONFIG_SECTION = section<DnsConfig>(DNS_CONFIG_KEYS, {
  options: section<DnsOption>(DNS_OPTION_KEYS),
});
export const POD_SPEC_PATCH_SECTION = section<PodSpecPatch>(POD_SPEC_PATCH_KEYS);
export const SERVICE_SECTION = section<Service>(SERVICE_KEYS);
export const PAUSE_POD_AUTOSCALER_SECTION = section<PausePodAutoscaler>(PAUSE_POD_AUTOSCALER_KEYS, {
  policy: section<AutoscalerPolicy>(AUTOSCALER_POLICY_KEYS),
});
