import type { JobPodNeeds } from "../../components/namespaces";
import { DEFAULTS } from "../defaults";
import type { FleetConfig } from "../../config/schema";

/** The namespace a fleet's job pods run in. */
export function jobNamespace(fleet: FleetConfig): string {
  return fleet.kubernetes.namespace ?? DEFAULTS.jobNamespace;
}

/** Privileged docker-in-docker or the node's docker.sock. */
export function isDangerous(fleet: FleetConfig): boolean {
  return fleet.dangerous.dockerInDocker || fleet.dangerous.dockerSocket;
}

/** What a fleet's job pods need from Pod Security; the namespaces and the config checks both read it. */
export function jobPodNeeds(fleet: FleetConfig): JobPodNeeds {
  return {
    fleet: fleet.name,
    namespace: jobNamespace(fleet),
    kaniko: fleet.kaniko,
    privileged: isDangerous(fleet),
    requested: fleet.jobPodSecurity,
  };
}
