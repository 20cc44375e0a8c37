import { type ContainerResources, eciPodNeed, eciRoundingWarning } from "../ack/eci-size";
import type { FleetSpec } from "./spec";

const either = (limit?: string, request?: string) => limit ?? request;

/** The containers of a fleet's job pod as ECI counts them: build, helper, and each service the fleet names. */
function jobContainers(fleet: FleetSpec): ContainerResources[] {
  const k = fleet.kubernetes;
  const build = { cpu: either(k.cpuLimit, k.cpuRequest), memory: either(k.memoryLimit, k.memoryRequest) };
  const helper = {
    cpu: either(k.helperCpuLimit, k.helperCpuRequest),
    memory: either(k.helperMemoryLimit, k.helperMemoryRequest),
  };
  const service = {
    cpu: either(k.serviceCpuLimit, k.serviceCpuRequest),
    memory: either(k.serviceMemoryLimit, k.serviceMemoryRequest),
  };
  return [build, helper, ...(k.services ?? []).map(() => service)];
}

const firstPullPolicy = (fleet: FleetSpec) => [fleet.kubernetes.pullPolicy ?? []].flat()[0];

/**
 * What a stack on ECI should hear about its fleets: job and manager pods whose resources waste much of the shape
 * ECI bills, and a job pull policy that pulls cached images again.
 */
export function eciFleetWarnings(fleets: readonly FleetSpec[], imageCache: boolean): string[] {
  return fleets.flatMap((fleet, i) => {
    const at = `fleets[${i}] (${fleet.name})`;
    const manager = { cpu: either(fleet.manager.limits.cpu, fleet.manager.requests.cpu) };
    const warnings = [
      eciRoundingWarning(`${at}: job pods`, eciPodNeed(jobContainers(fleet))),
      eciRoundingWarning(
        `${at}: manager pods`,
        eciPodNeed([
          { ...manager, memory: either(fleet.manager.limits.memory, fleet.manager.requests.memory) },
        ]),
      ),
    ];
    if (imageCache && firstPullPolicy(fleet) === "always")
      warnings.push(
        `${at}: kubernetes.pullPolicy starts with always, so every job pulls its images again instead of ` +
          `starting from the image cache (ECI advises if-not-present for cached images; each ECI pod is its ` +
          `own instance, so if-not-present shares no image between jobs): put if-not-present first`,
      );
    return warnings.filter((w): w is string => w !== undefined);
  });
}
