import { createHash } from "node:crypto";

/**
 * The runner token a fleet is about to roll out with. An empty one (a runner whose token output is empty)
 * would give a Secret without a key and a manager that polls nothing, so it fails the deployment instead.
 */
export function requireRunnerToken(fleet: string, token: string | undefined): string {
  if (!token) {
    throw new Error(
      `fleet ${fleet}: GitLab returned no authentication token for its runner, so the manager would poll ` +
        `nothing — re-create the runner (change fleets[].tokenRotation, or pulumi up --replace on its UserRunner) ` +
        `and check that the GitLab token may create runners (create_runner scope)`,
    );
  }
  return token;
}

/**
 * A checksum of the credentials the manager reads from its environment (the cache keys): on the pod template, so
 * rotating them rolls the managers, which read environment variables only at start. One-way and salted with the
 * fleet's name, so it tells nothing about the keys. Never a checksum of config.toml, which the runner reloads.
 */
export function credentialsChecksum(fleet: string, values: readonly string[]): string {
  const hash = createHash("sha256").update(`gitlab-ci-platform/${fleet}`);
  for (const value of values) hash.update("\0").update(value);
  return hash.digest("hex");
}
