/** The manager image of a pinned runner version: the alpine flavour, which has the shell the manager's scripts use. */
export function runnerImage(image: { repository: string; version: string }): string {
  return `${image.repository}:alpine-${image.version}`;
}
