import type { FleetSpec } from "../fleet/spec";
import { unpinnedReason } from "../images";
import type { Problem } from "../problems";
import { matchesImagePattern } from "./image-pattern";

/** A job of an expanded pipeline (includes, inputs and `extends` resolved), as far as runners choose and check it. */
export interface PipelineJob {
  name: string;
  tags: string[];
  image?: string;
  services: string[];
  /** The GitLab environment the job runs for (`environment:`), with its action. */
  environment?: { name: string; action?: string };
  /** The kubecontext the job selects in its KUBECONFIG (an agent's, `<config project>:<agent>`), if any. */
  kubeContext?: string;
}

/** What a runner fleet offers a job: the tags it picks up, the images it admits, what its job pods are given. */
export interface FleetOffer {
  name: string;
  tags: string[];
  runUntagged: boolean;
  /** Picks up jobs of protected branches and tags only. */
  protected: boolean;
  allowedImages?: string[];
  allowedServices?: string[];
  /** Privileged job containers (docker-in-docker services need them). */
  privileged: boolean;
  /** The registry credential at /kaniko/.docker/config.json. */
  kanikoCredential: boolean;
}

export function fleetOffer(fleet: FleetSpec): FleetOffer {
  return {
    name: fleet.name,
    tags: fleet.tags,
    // GitLab's default: a runner without tags runs untagged jobs, one with tags only when told to.
    runUntagged: fleet.runUntagged ?? fleet.tags.length === 0,
    protected: fleet.protected,
    allowedImages: fleet.kubernetes.allowedImages,
    allowedServices: fleet.kubernetes.allowedServices,
    privileged: fleet.dangerous.dockerInDocker,
    kanikoCredential: fleet.kaniko,
  };
}

/** The fleets that pick up the job: every job tag among the fleet's, or an untagged job on a fleet that runs them. */
export function fleetsServing(job: PipelineJob, fleets: readonly FleetOffer[]): FleetOffer[] {
  return fleets.filter((fleet) =>
    job.tags.length === 0 ? fleet.runUntagged : job.tags.every((tag) => fleet.tags.includes(tag)),
  );
}

const KANIKO_IMAGE = /(^|\/)kaniko-project\/executor[:@]/;
const DIND_SERVICE = /(^|\/)docker:[^/]*dind/;

/**
 * Everything that would stop the job on the fleets it lands on: no fleet with its tags, an image or service a
 * fleet does not admit, an unpinned image, a kaniko build without the credential, docker-in-docker unprivileged.
 * A job may land on any fleet serving its tags, so each of them must accept it.
 */
export function jobProblems(job: PipelineJob, fleets: readonly FleetOffer[]): Problem[] {
  const path = `jobs["${job.name}"]`;
  const serving = fleetsServing(job, fleets);
  if (serving.length === 0) {
    const offered = fleets.map((f) => `${f.name} [${f.tags.join(", ")}]`).join(", ");
    return [
      {
        path: `${path}.tags`,
        reason: job.tags.length
          ? `no fleet has every tag of [${job.tags.join(", ")}]`
          : "is untagged, and no fleet runs untagged jobs",
        fix: `use the tags of one of the stack's fleets: ${offered}`,
      },
    ];
  }
  return [...pinningProblems(job, path), ...serving.flatMap((fleet) => fleetProblems(job, fleet, path))];
}

function pinningProblems(job: PipelineJob, path: string): Problem[] {
  const images = [...(job.image ? [["image", job.image]] : []), ...job.services.map((s) => ["services", s])];
  return images.flatMap(([key, image]) => {
    const reason = unpinnedReason(image);
    return reason
      ? [{ path: `${path}.${key}`, reason: `${image} ${reason}`, fix: "pin a version tag or a digest" }]
      : [];
  });
}

function fleetProblems(job: PipelineJob, fleet: FleetOffer, path: string): Problem[] {
  const problems: Problem[] = [];
  const on = `on fleet ${fleet.name}`;
  if (
    job.image &&
    fleet.allowedImages &&
    !fleet.allowedImages.some((p) => matchesImagePattern(p, job.image!))
  )
    problems.push({
      path: `${path}.image`,
      reason: `${job.image} is not among the images allowed ${on} (${fleet.allowedImages.join(", ")})`,
      fix: "use an allowed image (e.g. the registry's mirror of it), or add it to the fleet's kubernetes.allowedImages",
    });
  for (const service of job.services) {
    if (fleet.allowedServices && !fleet.allowedServices.some((p) => matchesImagePattern(p, service)))
      problems.push({
        path: `${path}.services`,
        reason: `${service} is not among the services allowed ${on}`,
        fix: "use an allowed service, or add it to the fleet's kubernetes.allowedServices",
      });
    if (DIND_SERVICE.test(service) && !fleet.privileged)
      problems.push({
        path: `${path}.services`,
        reason: `${service} needs privileged containers, which fleet ${fleet.name} does not give`,
        fix: "build with kaniko-build instead, or use the tags of a fleet with dangerous.dockerInDocker",
      });
  }
  if (job.image && KANIKO_IMAGE.test(job.image) && !fleet.kanikoCredential)
    problems.push({
      path: `${path}.tags`,
      reason: `kaniko ${on} finds no registry credential at /kaniko/.docker (the fleet has no kaniko: true)`,
      fix: "use the tags of a fleet with kaniko: true",
    });
  return problems;
}
