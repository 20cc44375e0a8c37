import { runnerImage } from "../runner-image";
import { nasClaimPlan, type NasClaimPlan } from "../ack/nas";
import { imageCacheImages } from "../ack/eci";
import { cacheBackend } from "./cache";
import { jobNamespace } from "./job-pods";
import { objectNames } from "./names";
import type { FleetSpec } from "./spec";

/** The PV/PVC pair of every fleet whose cache is on the stack's NAS; the claim is the one config.toml mounts. */
export function nasCacheClaims(fleets: readonly FleetSpec[], size: string): NasClaimPlan[] {
  return fleets
    .filter((fleet) => cacheBackend(fleet.cache).stackStore === "nas")
    .map((fleet) => nasClaimPlan(fleet.name, jobNamespace(fleet), objectNames(fleet.name).cacheClaim, size));
}

/**
 * What the image cache holds: the manager and helper images at the pinned runner version, each fleet's default
 * job image, helper image and service images, and the stack's extra images. Unpinned references are left out
 * (the configuration refuses them where it can: a cache of "latest" would serve a stale image).
 */
export function imageCacheContents(
  fleets: readonly FleetSpec[],
  runner: { image: { repository: string; version: string }; helperImage: string },
  extra: readonly string[],
): string[] {
  return imageCacheImages([
    runner.helperImage,
    ...fleets.flatMap((fleet) => [
      runnerImage(runner.image, fleet.manager.imageFlavor, fleet.manager.imageDigest),
      fleet.kubernetes.image,
      fleet.kubernetes.helperImage,
      ...(fleet.kubernetes.services ?? []).map((service) => service.name),
    ]),
    ...extra,
  ]);
}
