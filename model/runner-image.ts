import type { ManagerImageFlavor } from "./fleet/manager-schema";

/**
 * The manager image of a pinned runner version in the given flavour (both have the shell and dumb-init the
 * manager's scripts use), by digest as well when one is given.
 */
export function runnerImage(
  image: { repository: string; version: string },
  flavor: ManagerImageFlavor,
  digest?: string,
): string {
  const tagged = `${image.repository}:${flavor}-${image.version}`;
  return digest ? `${tagged}@${digest}` : tagged;
}
