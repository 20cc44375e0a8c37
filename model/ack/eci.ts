import { createHash } from "node:crypto";

/** Pod annotations ECI (the virtual nodes of ACK Serverless) reads. */
export const ECI_ANNOTATIONS = {
  /**
   * Start the pod from the image cache that best matches its images (ECI's default is on). Where none holds
   * every image, ECI also creates a cache of its own, billed, which the stack does not manage.
   */
  autoImageCache: "k8s.aliyun.com/eci-auto-imc",
  /** Run on a preemptible (spot) instance. */
  spotStrategy: "k8s.aliyun.com/eci-spot-strategy",
} as const;

/** Spot at the market price, never above the pay-as-you-go price. */
export const SPOT_AS_PRICE_GO = "SpotAsPriceGo";

/** What a pod on ECI asks for. */
export interface EciPodOptions {
  /**
   * Match an image cache (the stack's holds what its pods pull). Off, the pod neither matches nor makes ECI
   * create a cache: the stack has none, and ECI's automatic caches would be billed unseen.
   */
  imageCache: boolean;
  /** Preemptible instance: cheaper, may be reclaimed (jobs are retried by GitLab only if they say so). */
  spot: boolean;
}

export function eciPodAnnotations(options: EciPodOptions): Record<string, string> {
  return {
    [ECI_ANNOTATIONS.autoImageCache]: String(options.imageCache),
    ...(options.spot ? { [ECI_ANNOTATIONS.spotStrategy]: SPOT_AS_PRICE_GO } : {}),
  };
}

/**
 * The helper image the runner pulls for a version (x86_64, the release tag), under the same repository as the
 * runner image. config.toml names it explicitly on ECI, so the image cache holds exactly what jobs pull.
 */
export function helperImageFor(image: { repository: string; version: string }): string {
  return `${image.repository}/gitlab-runner-helper:x86_64-${image.version}`;
}

/** A reference names a fixed version: a tag other than latest, or a digest. */
export function isPinnedImage(image: string): boolean {
  if (image.includes("@sha256:")) return true;
  const lastSegment = image.slice(image.lastIndexOf("/") + 1);
  const colon = lastSegment.lastIndexOf(":");
  return colon > 0 && lastSegment.slice(colon + 1) !== "latest";
}

/** Every image the cache holds: sorted and without repeats, so the same stack always gives the same list. */
export function imageCacheImages(images: readonly (string | undefined)[]): string[] {
  return [...new Set(images.filter((i): i is string => i !== undefined && isPinnedImage(i)))].sort();
}

/** The registry an image reference pulls from: its first part when that names a host, else Docker Hub. */
export function imageRegistry(image: string): string {
  const slash = image.indexOf("/");
  const first = slash < 0 ? "" : image.slice(0, slash);
  return /[.:]/.test(first) || first === "localhost" ? first : "docker.io";
}

/**
 * Whether the cache needs the stack's registry credential: only when it caches an image from that registry.
 * The provider replaces an image cache whenever its credential changes, so passing it for nothing would rebuild
 * the cache at every password rotation.
 */
export function cacheNeedsRegistryCredential(images: readonly string[], registryServer: string): boolean {
  return images.some((image) => imageRegistry(image) === registryServer);
}

/**
 * The cache's name carries a digest of its image list: a new runner version or job image makes a new cache,
 * created before the old one is deleted, so jobs never start without one.
 */
export function imageCacheName(prefix: string, images: readonly string[]): string {
  const digest = createHash("sha256").update(images.join("\n")).digest("hex").slice(0, 8);
  return `${prefix}-${digest}`;
}
