import { CACHE_BACKENDS, type CacheStackSecret, type CacheType } from "../model/fleet/cache";
import { ADVANCED_POD_SPEC_FLAG } from "../model/fleet/constants";
import { isDangerous, jobNamespace } from "../model/fleet/job-pods";
import { namespaceName } from "./formats";
import { helperImageProblems } from "./image-rules";
import { managerOptionProblems } from "./manager-rules";
import { monitoringProblems } from "./monitoring-rules";
import { jobPodSecurityProblems } from "./pod-security-rules";
import { jobHostAliasProblems, volumeClashProblems } from "./volume-rules";
import { runnerVersionProblems } from "./runner-version-rules";
import { ackClusterProblems, ackOnlyFleetProblems, virtualNodeProblems } from "./ack-rules";
import type { Problem } from "../model/problems";
import type { FleetSpec } from "../model/fleet/spec";
import { PROJECT, PlainConfig } from "./schema";
import { type NeededSecret, variableSecretNeeds } from "./secrets";

type Rule = (config: PlainConfig) => Problem[];

const fleetPath = (i: number, rest: string) => `${PROJECT}:fleets[${i}].${rest}`;

/**
 * Job-pod settings the platform derives itself: a value here would fight the component or bypass a safeguard.
 * Each maps to the key to use instead.
 */
export const MANAGED_KUBERNETES_KEYS: Partial<Record<keyof FleetSpec["kubernetes"], string>> = {
  host: "nothing: the manager runs in the cluster and uses its own ServiceAccount",
  certFile: "nothing: the manager runs in the cluster and uses its own ServiceAccount",
  keyFile: "nothing: the manager runs in the cluster and uses its own ServiceAccount",
  caFile: "nothing: the manager runs in the cluster and uses its own ServiceAccount",
  context: "nothing: the manager runs in the cluster and uses its own ServiceAccount",
  bearerToken: "nothing: the manager runs in the cluster and uses its own ServiceAccount",
  bearerTokenOverwriteAllowed: "nothing: jobs may not bring their own API credentials",
  serviceAccount: "jobServiceAccountToken (the platform creates the job ServiceAccount)",
  privileged: "dangerous.dockerInDocker on a dedicated fleet",
  namespacePerJob: "kubernetes.namespace (the platform creates the job namespace and its RBAC)",
  namespaceOverwriteAllowed: "kubernetes.namespace (RBAC is granted in the fleet's job namespace only)",
  serviceAccountOverwriteAllowed: "jobServiceAccountToken (jobs run as the fleet's job ServiceAccount)",
  automountServiceAccountToken:
    "jobServiceAccountToken: true (it also lets the job ServiceAccount's token be mounted)",
};

const RESERVED_NAMESPACES = /^(kube-.*|default)$/;

const uniqueFleetNames: Rule = (config) => {
  const seen = new Map<string, number>();
  return config.fleets.flatMap((fleet, i) => {
    const first = seen.get(fleet.name);
    seen.set(fleet.name, first ?? i);
    return first === undefined
      ? []
      : [
          {
            path: fleetPath(i, "name"),
            reason: `repeats fleets[${first}].name`,
            fix: "give each fleet its own name",
          },
        ];
  });
};

const groupScopeHasGroup: Rule = (config) =>
  config.fleets.flatMap((fleet, i) =>
    fleet.scope.type === "group" && fleet.scope.group === undefined && config.gitlab.group === undefined
      ? [
          {
            path: fleetPath(i, "scope.group"),
            reason: "a group runner needs its group",
            fix: `set it, or ${PROJECT}:gitlab.group for every fleet, to the group's id or full path`,
          },
        ]
      : [],
  );

/** GitLab refuses a runner that has no tags and may not run untagged jobs: it could never pick up a job. */
const runnerPicksUpJobs: Rule = (config) =>
  config.fleets.flatMap((fleet, i) =>
    fleet.runUntagged === false && fleet.tags.length === 0
      ? [
          {
            path: fleetPath(i, "runUntagged"),
            reason:
              "is false while the fleet has no tags, so it could pick up no job (GitLab refuses such a runner)",
            fix: "give the fleet tags its jobs name, or remove runUntagged",
          },
        ]
      : [],
  );

const managedKeysUnset: Rule = (config) =>
  config.fleets.flatMap((fleet, i) =>
    Object.entries(MANAGED_KUBERNETES_KEYS)
      .filter(([key]) => fleet.kubernetes[key as keyof FleetSpec["kubernetes"]] !== undefined)
      .map(([key, instead]) => ({
        path: fleetPath(i, `kubernetes.${key}`),
        reason: "is managed by the platform",
        fix: `remove it; use ${instead}`,
      })),
  );

const jobNamespaceUsable: Rule = (config) =>
  config.fleets.flatMap((fleet, i) => {
    const ns = jobNamespace(fleet);
    const problem = (reason: string, fix: string) => [
      { path: fleetPath(i, "kubernetes.namespace"), reason, fix },
    ];
    if (!namespaceName.safeParse(ns).success) {
      return problem("must be a DNS label (lower-case letters, digits and '-', at most 63)", "rename it");
    }
    if (RESERVED_NAMESPACES.test(ns)) {
      return problem(
        "is a namespace Kubernetes itself uses",
        "choose a namespace of the platform's own for jobs",
      );
    }
    if (ns === config.cluster.managerNamespace) {
      return problem(
        "equals cluster.managerNamespace; jobs must not run beside the managers and their tokens",
        "choose another namespace for jobs",
      );
    }
    return [];
  });

const dangerousFleetsIsolated: Rule = (config) =>
  config.fleets.flatMap((fleet, i) => {
    if (!isDangerous(fleet)) return [];
    const problems: Problem[] = [];
    const need = (key: "nodeSelector" | "nodeTolerations", what: string) => {
      if (Object.keys(fleet.kubernetes[key] ?? {}).length === 0) {
        problems.push({
          path: fleetPath(i, `kubernetes.${key}`),
          reason: `is required when dangerous.dockerInDocker or dangerous.dockerSocket is on`,
          fix: `pin the fleet to isolated, tainted nodes: set ${what}`,
        });
      }
    };
    need("nodeSelector", "a node label the CI-only nodes carry");
    need("nodeTolerations", "the taint of those nodes");
    const sharing = config.fleets.findIndex(
      (other, j) => j !== i && jobNamespace(other) === jobNamespace(fleet),
    );
    if (sharing >= 0) {
      problems.push({
        path: fleetPath(i, "kubernetes.namespace"),
        reason: `is shared with fleets[${sharing}]; a privileged fleet needs a namespace of its own`,
        fix: "give this fleet a dedicated job namespace",
      });
    }
    return problems;
  });

const kanikoNeedsRegistry: Rule = (config) =>
  config.registry
    ? []
    : config.fleets.flatMap((fleet, i) =>
        fleet.kaniko
          ? [
              {
                path: fleetPath(i, "kaniko"),
                reason: "needs a registry credential to push with",
                fix: `set ${PROJECT}:registry (server, username) and the registryPassword secret`,
              },
            ]
          : [],
      );

const gitSshNeedsKnownHosts: Rule = (config) =>
  config.gitSsh
    ? []
    : config.fleets.flatMap((fleet, i) =>
        fleet.gitSsh
          ? [
              {
                path: fleetPath(i, "gitSsh"),
                reason: "needs the Git servers' host keys",
                fix: `set ${PROJECT}:gitSsh.knownHosts (ssh-keyscan output) and the gitSshPrivateKey secret`,
              },
            ]
          : [],
      );

const buildClaimsNeedOneReplica: Rule = (config) =>
  config.fleets.flatMap((fleet, i) =>
    fleet.builds.type === "pvcPerJob" && fleet.replicas > 1
      ? [
          {
            path: fleetPath(i, "builds.type"),
            reason: "pvcPerJob claims are per $CI_CONCURRENT_ID, which every replica numbers from 0",
            fix: "use replicas: 1 with pvcPerJob, or builds.type ephemeralPvc",
          },
        ]
      : [],
  );

/** A pod_spec patch does nothing unless the runner's advanced pod spec flag is on; the platform turns it on. */
const podSpecNeedsItsFlag: Rule = (config) =>
  config.fleets.flatMap((fleet, i) =>
    fleet.kubernetes.podSpec?.length && fleet.featureFlags?.[ADVANCED_POD_SPEC_FLAG] === false
      ? [
          {
            path: fleetPath(i, `featureFlags.${ADVANCED_POD_SPEC_FLAG}`),
            reason: "is false, so the runner would ignore kubernetes.podSpec",
            fix: "remove it (the platform turns the flag on for a fleet with a podSpec patch), or remove kubernetes.podSpec",
          },
        ]
      : [],
  );

const RULES: Rule[] = [
  helperImageProblems,
  runnerVersionProblems,
  managerOptionProblems,
  podSpecNeedsItsFlag,
  buildClaimsNeedOneReplica,
  uniqueFleetNames,
  runnerPicksUpJobs,
  groupScopeHasGroup,
  managedKeysUnset,
  jobNamespaceUsable,
  jobPodSecurityProblems,
  volumeClashProblems,
  jobHostAliasProblems,
  dangerousFleetsIsolated,
  kanikoNeedsRegistry,
  gitSshNeedsKnownHosts,
  ackClusterProblems,
  ackOnlyFleetProblems,
  virtualNodeProblems,
  monitoringProblems,
];

/** The stack secrets the fleets' caches read: each backend's once, in the order of the backends' table. */
function cacheStackSecrets(config: PlainConfig): { keys: readonly CacheStackSecret[]; because: string }[] {
  const used = new Set(config.fleets.map((fleet) => fleet.cache.type));
  return Object.entries(CACHE_BACKENDS).flatMap(([type, row]) =>
    used.has(type as CacheType) && "stackSecrets" in row ? [row.stackSecrets] : [],
  );
}

/** Problems that involve more than one key. */
export function crossFieldProblems(config: PlainConfig): Problem[] {
  return RULES.flatMap((rule) => rule(config));
}

/** The secrets this configuration needs, each with the reason: whole keys, and the variableSecrets entries named. */
export function requiredSecrets(config: PlainConfig): NeededSecret[] {
  const required: NeededSecret[] = [
    {
      key: "gitlabToken",
      because: "to manage the runners in GitLab (scopes create_runner, manage_runner and read_api, or api)",
    },
  ];
  if (config.registry) required.push({ key: "registryPassword", because: "because registry is set" });
  if (config.fleets.some((f) => f.gitSsh)) {
    required.push({ key: "gitSshPrivateKey", because: "because a fleet has gitSsh on" });
  }
  for (const { keys, because } of cacheStackSecrets(config)) {
    for (const key of keys) required.push({ key, because });
  }
  const seen = new Set<string>(required.map((r) => r.key));
  for (const need of variableSecretNeeds(config)) {
    const id = need.entry === undefined ? need.key : `${need.key}.${need.entry}`;
    if (!seen.has(id)) required.push(need);
    seen.add(id);
  }
  return required;
}
