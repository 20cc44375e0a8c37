import type * as k8s from "@pulumi/kubernetes";

/**
 * Options every Kubernetes provider of the stack sets, whatever cluster it reaches. Without them the provider
 * treats ConfigMap and Secret data as immutable: a config.toml change (or a rotated key) would replace the
 * object, and with a fixed name it deletes before it creates, so for a moment the config is gone. With them the
 * data is updated in place; the manager picks up config.toml by itself, and a credential change rolls the
 * managers through the pod template's checksum annotation.
 */
export const KUBERNETES_PROVIDER_OPTIONS = {
  enableConfigMapMutable: true,
  enableSecretMutable: true,
} as const satisfies Partial<k8s.ProviderArgs>;
