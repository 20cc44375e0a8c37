import { ThreatPath } from "./types";

const path = (title: string, how: string): ThreatPath => ({ actor: "deployJob", title, how });

/** What a deploy job could do beyond applying its application in its own namespace. */
export const DEPLOY_JOB_PATHS = {
  "DEPLOY-1": path(
    "acts outside its namespace",
    "A deploy identity bound cluster-wide, in the runner or job namespaces (their Secrets, runner tokens " +
      "included), or for service accounts of other namespaces.",
  ),
  "DEPLOY-2": path(
    "grants itself more",
    "Wildcards, escalate, bind or impersonate in its Role let it reach beyond what it was given.",
  ),
  "DEPLOY-3": path(
    "deploys a privileged or host-path pod",
    "It may create workloads in its namespace; only Pod Security enforced there refuses privileged pods, " +
      "host namespaces and host paths.",
  ),
  "DEPLOY-4": path(
    "claims a volume provisioned for someone else",
    "A PersistentVolume without `claimRef` binds to any claim that fits, in any namespace: a deploy job that " +
      "may create PersistentVolumeClaims mounts a runner cache.",
  ),
} satisfies Record<string, ThreatPath>;
