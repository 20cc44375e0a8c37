import type * as k8s from "@pulumi/kubernetes";

/**
 * Options every Kubernetes provider of the stack sets, whatever cluster it reaches. Without them the provider
 * treats ConfigMap and Secret data as immutable: a config.toml change (or a rotated key) would replace the
 * object, and with a fixed name it deletes before it creates, so for a moment the config is gone. With them the
 * data is updated in place; the manager picks up config.toml by itself, and a credential change rolls the
 * managers through the pod template's checksum annotation.
 *
 * The stack owns its objects: a hand edit (`kubectl edit`, `kubectl patch`) takes over the fields it touches as
 * another field manager, and without patch force the next preview after `pulumi refresh` stops on a
 * Server-Side Apply conflict until someone sets PULUMI_K8S_ENABLE_PATCH_FORCE. With it, `pulumi up` takes the
 * fields back and restores the stack's values (docs/drift.md).
 */
export const KUBERNETES_PROVIDER_OPTIONS = {
  enableConfigMapMutable: true,
  enableSecretMutable: true,
  enablePatchForce: true,
} as const satisfies Partial<k8s.ProviderArgs>;
