import {
  cacheNeedsRegistryCredential,
  helperImageFor,
  imageCacheName,
  type NasClaimPlan,
  ossInternalEndpoint,
  planVSwitches,
} from "../ack";
import type { VSwitchPlan } from "../ack";
import { cacheBackend } from "./cache";
import { eciFleetWarnings } from "./eci-fit";
import { imageCacheContents, nasCacheClaims } from "./on-ack";
import type { FleetSpec } from "./spec";

/** An ACK Serverless stack in the platform's terms (the validated `cluster.ackServerless` and what it serves). */
export interface AckServerlessSpec {
  clusterName: string;
  region: string;
  network: {
    vpcCidr: string;
    zones?: string[];
    vpcId?: string;
    vswitchIds?: string[];
    natBandwidth: number;
  };
  nas: { size: string };
  oss?: { bucketName: string; expireDays: number };
  imageCache: { enabled: boolean; size: number; images: string[] };
  runnerImage: { repository: string; version: string };
  fleets: readonly FleetSpec[];
  /** The stack's registry (host[:port]), when it has a credential for one. */
  registryServer?: string;
}

/** Everything the ACK Serverless side consists of; absent members are not created. */
export interface AckServerlessPlan {
  network:
    | { create: { vpcCidr: string; vswitches: VSwitchPlan[]; natBandwidth: number } }
    | { existing: { vpcId: string; vswitchIds: string[] } };
  /** One PV/PVC pair per fleet caching on NAS; no file system without one. */
  nasClaims: NasClaimPlan[];
  /** The bucket, when a fleet caches in OSS, and where the runners reach it. */
  oss?: { bucketName: string; expireDays: number; serverAddress: string; bucketLocation: string };
  /** `registryCredential`: the cache pulls from the stack's registry, so it gets the credential. */
  imageCache?: { name: string; images: string[]; size: number; registryCredential: boolean };
  /** What every fleet's job and manager pods get on ECI. */
  virtualNodes: { imageCache: boolean; helperImage: string };
  /** What the run should warn about: pods that waste the ECI shape they are billed as, pulls past the cache. */
  warnings: string[];
}

/** Decides what the ACK Serverless side creates. Pure: the same stack gives the same plan. */
export function planAckServerless(spec: AckServerlessSpec): AckServerlessPlan {
  const { network } = spec;
  const helperImage = helperImageFor(spec.runnerImage);
  const images = imageCacheContents(
    spec.fleets,
    { image: spec.runnerImage, helperImage },
    spec.imageCache.images,
  );
  const usesOss = spec.fleets.some((fleet) => cacheBackend(fleet.cache).stackStore === "oss");
  return {
    network:
      network.vpcId && network.vswitchIds
        ? { existing: { vpcId: network.vpcId, vswitchIds: network.vswitchIds } }
        : {
            create: {
              vpcCidr: network.vpcCidr,
              vswitches: planVSwitches(network.vpcCidr, network.zones ?? []),
              natBandwidth: network.natBandwidth,
            },
          },
    nasClaims: nasCacheClaims(spec.fleets, spec.nas.size),
    oss:
      spec.oss && usesOss
        ? { ...spec.oss, serverAddress: ossInternalEndpoint(spec.region), bucketLocation: spec.region }
        : undefined,
    imageCache: spec.imageCache.enabled
      ? {
          name: imageCacheName(`${spec.clusterName}-runner`, images),
          images,
          size: spec.imageCache.size,
          registryCredential:
            spec.registryServer !== undefined && cacheNeedsRegistryCredential(images, spec.registryServer),
        }
      : undefined,
    virtualNodes: { imageCache: spec.imageCache.enabled, helperImage },
    warnings: eciFleetWarnings(spec.fleets, spec.imageCache.enabled),
  };
}
