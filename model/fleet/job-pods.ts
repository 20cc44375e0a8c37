import { DEFAULTS } from "../defaults";
import { type JobPodNeeds, type PodSecurityLevel, fleetPodSecurityLevel } from "../pod-security";
import type { FleetSpec } from "./spec";

/** The namespace a fleet's job pods run in. */
export function jobNamespace(fleet: FleetSpec): string {
  return fleet.kubernetes.namespace ?? DEFAULTS.fleet.kubernetes.namespace;
}

/** Privileged docker-in-docker or the node's docker.sock. */
export function isDangerous(fleet: FleetSpec): boolean {
  return fleet.dangerous.dockerInDocker || fleet.dangerous.dockerSocket;
}

/** What a fleet's job pods need from Pod Security; the namespaces and the config checks both read it. */
export function jobPodNeeds(fleet: FleetSpec): JobPodNeeds {
  return {
    fleet: fleet.name,
    namespace: jobNamespace(fleet),
    kaniko: fleet.kaniko,
    privileged: isDangerous(fleet),
    requested: fleet.jobPodSecurity,
  };
}

/**
 * The level one fleet's job pods are held to. It is the fleet's own, not its namespace's: a restricted fleet
 * stays restricted beside a kaniko one in a shared (baseline) namespace.
 */
export function fleetJobPodSecurity(fleet: FleetSpec): PodSecurityLevel {
  return fleetPodSecurityLevel(jobPodNeeds(fleet));
}
