import { stringList } from "../config-toml";
import { MANDATORY, StackRule } from "../rule";
import { Fleet, enforcedLevel, fleetsOf, namespacesOf } from "../stack-index";
import { Finding, ResourceView, asRecord, asString, describe, isUnknown } from "../view";
import { unreadableFleet } from "./fleet-findings";
import { securityContexts } from "./job-pod-helpers";

type Located = Finding & { resource: ResourceView };

/** Instance and group runners serve many projects; a fleet without a GitLab runner beside it counts as shared. */
function isShared(fleet: Fleet): boolean {
  return fleet.runner?.props.runnerType !== "project_type";
}

export const jobPodsSharedPullPolicy: StackRule = {
  kind: "stack",
  name: "job-pods-shared-pull-policy",
  threats: ["DEV-3"],
  description:
    "Shared runners that pull if-not-present set allowed_pull_policies, so private images can be re-checked.",
  severity: "high",
  enforcement: MANDATORY,
  checkStack(resources) {
    return fleetsOf(resources).flatMap((fleet): Located[] => {
      if (fleet.config.state !== "parsed") return unreadableFleet(fleet, "the pull policy");
      if (!isShared(fleet)) return [];
      return fleet.config.config.runners.flatMap((runner, index): Located[] => {
        const kubernetes = asRecord(runner.kubernetes) ?? {};
        const policies = stringList(kubernetes.pull_policy);
        const allowed = stringList(kubernetes.allowed_pull_policies);
        if (isUnknown(policies) || isUnknown(allowed)) return [];
        if (!policies.includes("if-not-present") || allowed.length > 0) return [];
        return [
          {
            resource: fleet.configMap,
            field: "data.config.toml",
            message: `${describe(fleet.configMap)}: runners[${index}] is a shared runner that pulls "if-not-present" without allowed_pull_policies — an image another project pulled can be reused without a registry check; set pullPolicy [always, if-not-present] and allowedPullPolicies so jobs with private images can ask for always`,
          },
        ];
      });
    });
  },
};

function runsAsRoot(kubernetes: Record<string, unknown>): string | undefined {
  const contexts = securityContexts(kubernetes);
  const pod = contexts.find(({ key }) => key === "pod_security_context")?.value ?? {};
  const build = contexts.find(({ key }) => key === "build_container_security_context")?.value ?? {};
  const nonRoot = build.run_as_non_root ?? pod.run_as_non_root;
  const user = build.run_as_user ?? pod.run_as_user;
  if (user === 0) return "run_as_user is 0";
  if (nonRoot !== true) return "run_as_non_root is not true";
  return undefined;
}

export const jobPodsNonRootWhereRequired: StackRule = {
  kind: "stack",
  name: "job-pods-non-root-where-required",
  threats: ["DEV-13"],
  description: 'Job pods in a namespace that enforces Pod Security "restricted" run as non-root.',
  severity: "high",
  enforcement: MANDATORY,
  checkStack(resources) {
    const namespaces = namespacesOf(resources);
    return fleetsOf(resources).flatMap((fleet): Located[] => {
      if (fleet.config.state !== "parsed") return unreadableFleet(fleet, "the job user");
      return fleet.config.config.runners.flatMap((runner, index): Located[] => {
        const kubernetes = asRecord(runner.kubernetes) ?? {};
        const name = asString(kubernetes.namespace) ?? "default";
        const namespace = namespaces.get(name);
        const where = `${describe(fleet.configMap)}: runners[${index}] runs jobs in namespace "${name}"`;
        if (!namespace) {
          return [
            {
              resource: fleet.configMap,
              field: "data.config.toml",
              couldNotCheck: true,
              message: `${where}, which this stack does not define, so its Pod Security level could not be checked — manage the job namespace in this stack`,
            },
          ];
        }
        const level = enforcedLevel(namespace);
        if (level !== "restricted") return [];
        const problem = runsAsRoot(kubernetes);
        return problem
          ? [
              {
                resource: fleet.configMap,
                field: "data.config.toml",
                message: `${where}, which enforces "restricted", but ${problem} — set pod_security_context run_as_non_root = true and a non-zero run_as_user, or move the fleet to a baseline namespace of its own`,
              },
            ]
          : [];
      });
    });
  },
};
