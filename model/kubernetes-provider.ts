import type * as k8s from "@pulumi/kubernetes";

/**
 * Options every Kubernetes provider of the stack sets, whatever cluster it reaches. Without them the provider
 * treats ConfigMap and Secret data as immutable: a config.toml change (or a rotated key) would replace the
 * object, and with a fixed name it deletes before it creates, so for a moment the config is gone. With them the
 * data is updated in place; the manager picks up config.toml by itself, and a credential change rolls the
 * managers through the pod template's checksum annotation.
 */
const KUBERNETES_PROVIDER_OPTIONS = {
  enableConfigMapMutable: true,
  enableSecretMutable: true,
} as const satisfies Partial<k8s.ProviderArgs>;

/** How fast the provider may send requests to the API server: client-go's token bucket. */
export interface KubeClientRate {
  /** Requests a second, sustained. */
  qps: number;
  /** Requests at once above that, before the bucket throttles. */
  burst: number;
}

/**
 * The provider's arguments besides how it reaches the cluster. Its client is rate-limited on its own side
 * (50 requests a second unless set), and a preview or update sends about one request per Kubernetes object, so
 * at that rate a large platform waits on the limit rather than on the API server, which protects itself with
 * API Priority and Fairness.
 */
export function kubernetesProviderOptions(rate: KubeClientRate) {
  return {
    ...KUBERNETES_PROVIDER_OPTIONS,
    kubeClientSettings: { qps: rate.qps, burst: rate.burst },
  } satisfies Partial<k8s.ProviderArgs>;
}
