import { unpinnedReason } from "../model/images";
import type { Problem } from "../model/problems";
import { PROJECT, type PlainConfig } from "./schema";

/**
 * A helper image is held to what the runner image is: a digest or a tag naming a version. Left unset, the runner uses the
 * helper of its own version, which is pinned with it.
 */
export function helperImageProblems(config: PlainConfig): Problem[] {
  return config.fleets.flatMap((fleet, i) => {
    const image = fleet.kubernetes.helperImage;
    const reason = image === undefined ? undefined : unpinnedReason(image);
    if (reason === undefined) return [];
    return [
      {
        path: `${PROJECT}:fleets[${i}].kubernetes.helperImage`,
        reason,
        fix: `pin it to a tag or digest (e.g. …/gitlab-runner-helper:x86_64-${config.runnerImage.version}), or remove it: the runner then uses the helper of its own version`,
      },
    ];
  });
}
