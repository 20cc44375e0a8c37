import { createHash } from "node:crypto";

/** Pod annotations ECI (the virtual nodes of ACK Serverless) reads. */
export const ECI_ANNOTATIONS = {
  /** Start the pod from a matching image cache snapshot instead of pulling. */
  imageCache: "k8s.aliyun.com/eci-image-cache",
  /** Run on a preemptible (spot) instance. */
  spotStrategy: "k8s.aliyun.com/eci-spot-strategy",
} as const;

/** Spot at the market price, never above the pay-as-you-go price. */
export const SPOT_AS_PRICE_GO = "SpotAsPriceGo";

/** What a pod on ECI asks for. */
export interface EciPodOptions {
  /** Match an image cache (the platform's, when it has one). */
  imageCache: boolean;
  /** Preemptible instance: cheaper, may be reclaimed (jobs are retried by GitLab only if they say so). */
  spot: boolean;
}

export function eciPodAnnotations(options: EciPodOptions): Record<string, string> {
  return {
    ...(options.imageCache ? { [ECI_ANNOTATIONS.imageCache]: "true" } : {}),
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

/**
 * The cache's name carries a digest of its image list: a new runner version or job image makes a new cache,
 * created before the old one is deleted, so jobs never start without one.
 */
export function imageCacheName(prefix: string, images: readonly string[]): string {
  const digest = createHash("sha256").update(images.join("\n")).digest("hex").slice(0, 8);
  return `${prefix}-${digest}`;
}
