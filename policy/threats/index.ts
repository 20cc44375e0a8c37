export { ACTORS } from "./actors";
export type { Actor, ActorId, ThreatPath } from "./types";
import { AGENT_PATHS } from "./agent";
import { DEPLOY_JOB_PATHS } from "./deploy-job";
import { DEVELOPER_PATHS } from "./developer";
import { EDITOR_PATHS } from "./editor";
import { MAINTAINER_PATHS } from "./maintainer";
import { MANAGER_PATHS } from "./manager";
import { ThreatPath } from "./types";

/** Every path of the threat model (policy/THREATS.md), by id; the ids are what rules name. */
export const THREATS = {
  ...DEVELOPER_PATHS,
  ...MAINTAINER_PATHS,
  ...EDITOR_PATHS,
  ...MANAGER_PATHS,
  ...DEPLOY_JOB_PATHS,
  ...AGENT_PATHS,
} satisfies Record<string, ThreatPath>;

export type ThreatId = keyof typeof THREATS;

export const THREAT_IDS = Object.keys(THREATS) as ThreatId[];

/** How a report names a path: `DEV-2 runs any image as a service`. */
export function threatLabel(id: ThreatId): string {
  return `${id} ${THREATS[id].title}`;
}
