import { ThreatPath } from "./types";

const path = (title: string, how: string, outOfScope?: string): ThreatPath => ({
  actor: "manager",
  title,
  how,
  ...(outOfScope ? { outOfScope } : {}),
});

/** What a runner manager could hold or do beyond running its fleet's jobs. */
export const MANAGER_PATHS = {
  "MGR-1": path(
    "holds more rights than its jobs need",
    "A Role with wildcards, escalate, bind or impersonate, or verbs beyond GitLab's permission table.",
  ),
  "MGR-2": path(
    "holds rights beyond its job namespace",
    "Bound cluster-wide or in another namespace, its Role reads that namespace's Secrets (deploy tokens " +
      "among them) and starts pods there.",
  ),
  "MGR-3": path(
    "reads other runners' tokens",
    "Its Role reads every Secret of its job namespace; a job namespace that holds runner tokens (the manager " +
      "namespace) hands it the identity of every runner there, protected ones included.",
  ),
  "MGR-4": path(
    "leaks its runner token",
    "A token in config.toml's ConfigMap or a literal environment value is readable by whoever reads those; " +
      "with it anyone can take the runner's jobs and their variables.",
  ),
  "MGR-5": path(
    "escapes its own pod",
    "A manager pod that is privileged, runs as root or keeps capabilities reaches its node.",
  ),
  "MGR-6": path(
    "runs without its RBAC, token or config",
    "Pulumi orders creation and deletion by dependencies: a manager that does not depend on its " +
      "ServiceAccount, RoleBindings, Roles, token Secret, config and GitLab runner may start before them and " +
      "outlive them on teardown, failing its jobs halfway.",
  ),
  "MGR-7": path(
    "outlives the stack",
    "RBAC, tokens, a runner registration or a CI/CD variable with `retainOnDelete` stay behind when the stack " +
      "deletes them: rights and credentials nobody manages any more.",
  ),
  "MGR-8": path(
    "keeps running an outdated configuration",
    "A ConfigMap or Secret mounted with `subPath` never receives updates: a tightened config.toml or a rotated " +
      "credential never reaches the manager.",
  ),
  "MGR-9": path(
    "aborts the jobs it is running",
    "A grace period shorter than the longest job, a disruption budget that blocks drains, or a manager " +
      "without requested resources gets running jobs killed halfway (half-applied deployments included).",
  ),
  "MGR-10": path(
    "keeps a token that leaked long ago",
    "A runner authentication token stays valid until the runner is replaced.",
    "GitLab does not report through the provider when a token expires, so the pack cannot tell a token's " +
      "age; the fleet's `tokenRotation` replaces the runner and so its token.",
  ),
  "MGR-11": path(
    "fails unnoticed",
    "A manager that stops taking jobs (its token refused, GitLab unreachable, a config.toml it cannot load), a " +
      "fleet stuck at its limit or jobs failing for the platform's reasons page nobody when no alerting rule " +
      "watches the fleet: jobs queue or fail until developers notice.",
  ),
} satisfies Record<string, ThreatPath>;
