import type { Problem } from "../problems";
import { type FleetOffer, fleetsServing, type PipelineJob } from "./fleet-match";

/**
 * A job that runs for a feature branch or a merge request (whose source branch is not protected as a rule),
 * served only by protected fleets — which take jobs of protected branches and tags only — waits forever.
 * `job` is such a job.
 */
export function unprotectedRefProblems(job: PipelineJob, fleets: readonly FleetOffer[]): Problem[] {
  const serving = fleetsServing(job, fleets);
  if (serving.length === 0 || serving.some((fleet) => !fleet.protected)) return [];
  return [
    {
      path: `jobs["${job.name}"].tags`,
      reason:
        `runs for feature branches or merge requests, but only protected fleets serve it ` +
        `(${serving.map((f) => f.name).join(", ")}), and they take jobs of protected branches and tags only`,
      fix: "use the tags of an unprotected fleet, or let rules run the job on protected refs only",
    },
  ];
}
