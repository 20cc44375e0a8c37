import { fleetJobPodSecurity } from "../model/fleet/job-pods";
import type { PodSecurityLevel } from "../model/pod-security";
import type { Problem } from "../model/problems";
import type { FleetSpec } from "../model/fleet/spec";
import { PROJECT, PlainConfig } from "./schema";

type Level = PodSecurityLevel;
type Kubernetes = FleetSpec["kubernetes"];

/** Capabilities each Pod Security level lets a container add (Pod Security Standards). */
const ALLOWED_CAPABILITIES: Record<Exclude<Level, "privileged">, string[]> = {
  restricted: ["NET_BIND_SERVICE"],
  baseline: [
    "AUDIT_WRITE",
    "CHOWN",
    "DAC_OVERRIDE",
    "FOWNER",
    "FSETID",
    "KILL",
    "MKNOD",
    "NET_BIND_SERVICE",
    "SETFCAP",
    "SETGID",
    "SETPCAP",
    "SETUID",
    "SYS_CHROOT",
  ],
};

const CONTAINER_CONTEXTS = [
  "buildContainerSecurityContext",
  "helperContainerSecurityContext",
  "serviceContainerSecurityContext",
  "initPermissionsContainerSecurityContext",
] as const;

/**
 * Executor settings that Pod Security would reject at job time (or that would undo a fleet's isolation) are
 * reported now, with the switch that allows them.
 */
export function jobPodSecurityProblems(config: PlainConfig): Problem[] {
  return config.fleets.flatMap((fleet, i) => {
    const at = (key: string) => `${PROJECT}:fleets[${i}].kubernetes.${key}`;
    const level = fleetJobPodSecurity(fleet);
    const k = fleet.kubernetes;
    return [
      ...privilegedContexts(k, fleet, at),
      ...hostPaths(k, level, at),
      ...escalation(k, level, at),
      ...capabilities(k, level, at),
      ...(level === "privileged" ? leaveDedicatedNodes(k, at) : []),
    ];
  });
}

function privilegedContexts(k: Kubernetes, fleet: FleetSpec, at: (key: string) => string): Problem[] {
  if (fleet.dangerous.dockerInDocker) return [];
  return CONTAINER_CONTEXTS.filter((c) => k[c]?.privileged === true).map((c) => ({
    path: at(`${c}.privileged`),
    reason: "privileged containers are allowed only in a dangerous fleet",
    fix: "remove it, or use dangerous.dockerInDocker on a dedicated fleet",
  }));
}

function hostPaths(k: Kubernetes, level: Level, at: (key: string) => string): Problem[] {
  if (level === "privileged" || !k.volumes?.hostPath?.length) return [];
  return [
    {
      path: at("volumes.hostPath"),
      reason: `host paths are refused by Pod Security "${level}", which this fleet's job namespace enforces`,
      fix: "use a pvc, emptyDir or csi volume; for the node's docker.sock use dangerous.dockerSocket",
    },
  ];
}

function escalation(k: Kubernetes, level: Level, at: (key: string) => string): Problem[] {
  if (level !== "restricted") return [];
  const paths = [
    ...(k.allowPrivilegeEscalation === true ? ["allowPrivilegeEscalation"] : []),
    ...CONTAINER_CONTEXTS.filter((c) => k[c]?.allowPrivilegeEscalation === true).map(
      (c) => `${c}.allowPrivilegeEscalation`,
    ),
  ];
  return paths.map((p) => ({
    path: at(p),
    reason: 'Pod Security "restricted" forbids privilege escalation',
    fix: "remove it, or set the fleet's jobPodSecurity to baseline",
  }));
}

function capabilities(k: Kubernetes, level: Level, at: (key: string) => string): Problem[] {
  if (level === "privileged") return [];
  const allowed = ALLOWED_CAPABILITIES[level];
  const added: [string, string[]][] = [
    ["capAdd", k.capAdd ?? []],
    ...CONTAINER_CONTEXTS.map((c): [string, string[]] => [
      `${c}.capabilities.add`,
      k[c]?.capabilities?.add ?? [],
    ]),
  ];
  return added.flatMap(([path, caps]) => {
    const refused = caps.filter((cap) => !allowed.includes(cap.replace(/^CAP_/, "")));
    if (refused.length === 0) return [];
    return [
      {
        path: at(path),
        reason: `Pod Security "${level}" refuses ${refused.join(", ")}`,
        fix:
          level === "restricted"
            ? `add only ${allowed.join(", ")}, or set the fleet's jobPodSecurity to baseline`
            : `add only ${allowed.join(", ")}`,
      },
    ];
  });
}

/** Overrides that would let a job of a dangerous fleet schedule away from its dedicated, tainted nodes. */
function leaveDedicatedNodes(k: Kubernetes, at: (key: string) => string): Problem[] {
  const keys = ["nodeSelectorOverwriteAllowed", "nodeTolerationsOverwriteAllowed"] as const;
  return keys
    .filter((key) => k[key] !== undefined)
    .map((key) => ({
      path: at(key),
      reason: "would let jobs of a dangerous fleet leave its dedicated nodes",
      fix: "remove it",
    }));
}
