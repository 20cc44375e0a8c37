import { cacheBackend } from "./cache";
import { JOB_PATHS, JOB_VOLUMES } from "./constants";
import type { FleetSpec } from "./spec";

/** Mount paths (each with what the platform mounts there) and volume names the platform adds to job pods. */
export function platformMounts(fleet: FleetSpec): { paths: Map<string, string>; names: Set<string> } {
  const paths = new Map<string, string>();
  const names = new Set<string>();
  paths.set(fleet.buildsDir ?? JOB_PATHS.builds, `builds (${fleet.builds.type})`);
  if (fleet.builds.type === "emptyDir") names.add(JOB_VOLUMES.builds);
  if (fleet.builds.type === "ephemeralPvc") names.add(JOB_VOLUMES.ephemeralBuilds);
  if (cacheBackend(fleet.cache).volume)
    paths.set(fleet.cacheDir ?? JOB_PATHS.cache, `cache (${fleet.cache.type})`);
  if (fleet.kaniko) paths.set(JOB_PATHS.kanikoDocker, "kaniko's registry credential");
  if (fleet.gitSsh) paths.set(JOB_PATHS.gitSsh, "the Git SSH key");
  if (fleet.dangerous.dockerInDocker) {
    paths.set(JOB_PATHS.dockerCerts, "docker-in-docker's TLS client certificates");
    names.add(JOB_VOLUMES.dockerCerts);
  }
  if (fleet.dangerous.dockerSocket) {
    paths.set(JOB_PATHS.dockerSocket, "the node's docker.sock");
    names.add(JOB_VOLUMES.dockerSocket);
  }
  return { paths, names };
}
