/** Pod Security Standards levels, from most to least restrictive. */
export type PodSecurityLevel = "restricted" | "baseline" | "privileged";

const ORDER: PodSecurityLevel[] = ["restricted", "baseline", "privileged"];

/** What a fleet's job pods need from the namespace they run in. */
export interface JobPodNeeds {
  fleet: string;
  namespace: string;
  /** kaniko runs as root with a few added capabilities: baseline, never privileged. */
  kaniko: boolean;
  /** Privileged containers or a hostPath docker.sock. */
  privileged: boolean;
  /** The level the fleet asks for (its jobs may need root). */
  requested: "restricted" | "baseline";
}

export interface NamespacePolicy {
  namespace: string;
  level: PodSecurityLevel;
  /** Why the level is what it is, one line per fleet that needs more than restricted. */
  reasons: string[];
  fleets: string[];
}

/** The least permissive level that admits every fleet's job pods, per job namespace. */
export function jobNamespacePolicies(needs: JobPodNeeds[]): NamespacePolicy[] {
  const byNamespace = new Map<string, NamespacePolicy>();
  for (const need of needs) {
    const policy = byNamespace.get(need.namespace) ?? {
      namespace: need.namespace,
      level: "restricted",
      reasons: [],
      fleets: [],
    };
    policy.fleets.push(need.fleet);
    const level = fleetPodSecurityLevel(need);
    if (level !== "restricted") policy.reasons.push(`${need.fleet}: ${reasonFor(need)}`);
    policy.level = ORDER[Math.max(ORDER.indexOf(policy.level), ORDER.indexOf(level))];
    byNamespace.set(need.namespace, policy);
  }
  return [...byNamespace.values()].sort((a, b) => a.namespace.localeCompare(b.namespace));
}

/** The level one fleet's job pods are held to (its namespace may be more permissive if shared). */
export function fleetPodSecurityLevel(need: JobPodNeeds): PodSecurityLevel {
  if (need.privileged) return "privileged";
  return need.kaniko || need.requested === "baseline" ? "baseline" : "restricted";
}

function reasonFor(need: JobPodNeeds): string {
  return need.privileged
    ? "privileged docker-in-docker or the docker.sock hostPath"
    : "kaniko builds run as root";
}

/** The namespace label that holds the level Pod Security enforces there. */
export const POD_SECURITY_ENFORCE_LABEL = "pod-security.kubernetes.io/enforce";

/**
 * Namespace labels for a level. Enforce the level; warn and audit at restricted so that anything below it
 * shows up in `kubectl` warnings and the audit log.
 */
export function podSecurityLabels(level: PodSecurityLevel): Record<string, string> {
  return {
    [POD_SECURITY_ENFORCE_LABEL]: level,
    "pod-security.kubernetes.io/enforce-version": "latest",
    "pod-security.kubernetes.io/warn": "restricted",
    "pod-security.kubernetes.io/warn-version": "latest",
    "pod-security.kubernetes.io/audit": "restricted",
    "pod-security.kubernetes.io/audit-version": "latest",
  };
}

/**
 * The container security context Pod Security "restricted" requires: no privilege escalation, not root, no
 * capabilities, the runtime's default seccomp profile. Job containers in restricted namespaces and the manager
 * (which also gets a read-only root filesystem) start from it.
 */
export const RESTRICTED_CONTAINER_CONTEXT = {
  runAsNonRoot: true,
  allowPrivilegeEscalation: false,
  capabilities: { drop: ["ALL"] },
  seccompProfile: { type: "RuntimeDefault" as const },
};
