import { MANDATORY, PROD_MANDATORY, ResourceRule, StackRule } from "../rule";
import { fleetsOf } from "../stack-index";
import {
  Finding,
  ResourceView,
  asArray,
  asRecord,
  at,
  containsUnknown,
  describe,
  isUnknown,
  objectNamespace,
  unknownFinding,
} from "../view";
import { WORKLOAD_TYPES, containersOf, podSpecOf } from "../workloads";

type Located = Finding & { resource: ResourceView };

/** Kubernetes' default terminationGracePeriodSeconds. */
const DEFAULT_GRACE_SECONDS = 30;

export const reliabilityGraceCoversLongestJob: StackRule = {
  kind: "stack",
  name: "reliability-grace-covers-longest-job",
  threats: ["MGR-9"],
  description: "A manager's terminationGracePeriodSeconds covers its runner's maximum job timeout.",
  severity: "medium",
  enforcement: PROD_MANDATORY,
  checkStack(resources) {
    return fleetsOf(resources).flatMap((fleet): Located[] => {
      if (!fleet.manager || !fleet.runner) return [];
      const manager = fleet.manager;
      const timeout = fleet.runner.props.maximumTimeout;
      const grace = at(podSpecOf(manager)?.spec, "terminationGracePeriodSeconds") ?? DEFAULT_GRACE_SECONDS;
      const field = `${podSpecOf(manager)?.path ?? "spec"}.terminationGracePeriodSeconds`;
      if (isUnknown(timeout) || isUnknown(grace)) {
        return [
          {
            resource: manager,
            field,
            couldNotCheck: true,
            message: `${describe(manager)}: the grace period or ${fleet.runner.name}'s maximumTimeout is unknown at preview, so they could not be compared — set both from configuration, not from other resources' outputs`,
          },
        ];
      }
      if (typeof timeout !== "number") {
        return [
          {
            resource: fleet.runner,
            field: "maximumTimeout",
            message: `${describe(fleet.runner)} sets no maximumTimeout, so no grace period can cover its longest job — set maximumTimeout on the fleet`,
          },
        ];
      }
      return typeof grace === "number" && grace >= timeout
        ? []
        : [
            {
              resource: manager,
              field,
              message: `${describe(manager)}: ${field} is ${String(grace)} s, shorter than ${fleet.runner.name}'s maximumTimeout of ${timeout} s, so a restart aborts running jobs — set it to at least the timeout plus cleanup`,
            },
          ];
    });
  },
};

function configVolumes(spec: Record<string, unknown>): Set<string> {
  return new Set(
    asArray(spec.volumes)
      .map((volume) => asRecord(volume) ?? {})
      .filter((volume) => volume.configMap || volume.secret || volume.projected)
      .map((volume) => String(volume.name)),
  );
}

export const reliabilityNoSubPathConfigMounts: ResourceRule = {
  kind: "resource",
  name: "reliability-no-subpath-config-mounts",
  threats: ["MGR-8"],
  description: "ConfigMaps and Secrets are never mounted with subPath, which never receives updates.",
  severity: "medium",
  enforcement: MANDATORY,
  types: WORKLOAD_TYPES,
  check(resource) {
    const pod = podSpecOf(resource);
    if (!pod) return [];
    const mounts = containersOf(pod).map(({ container }) => container.volumeMounts);
    if (containsUnknown(pod.spec.volumes) || mounts.some(containsUnknown))
      return [unknownFinding(resource, `${pod.path}.volumes`)];
    const volumes = configVolumes(pod.spec);
    return containersOf(pod).flatMap(({ path, container }) =>
      asArray(container.volumeMounts).flatMap((entry, index) => {
        const mount = asRecord(entry) ?? {};
        return mount.subPath && volumes.has(String(mount.name))
          ? [
              {
                field: `${path}.volumeMounts[${index}].subPath`,
                message: `${describe(resource)}: ${path}.volumeMounts[${index}] mounts "${String(mount.name)}" with subPath, so updates never reach the pod — mount the whole volume in a directory`,
              },
            ]
          : [];
      }),
    );
  },
};

function selects(selector: Record<string, unknown>, labels: Record<string, unknown>): boolean {
  const match = asRecord(selector.matchLabels) ?? {};
  return (
    Object.keys(match).length > 0 && Object.entries(match).every(([key, value]) => labels[key] === value)
  );
}

function replicasSelected(pdb: ResourceView, resources: ResourceView[]): number | undefined {
  const selector = asRecord(at(pdb.props, "spec.selector")) ?? {};
  const workloads = resources.filter(
    (resource) =>
      (WORKLOAD_TYPES as readonly string[]).includes(resource.type) &&
      objectNamespace(resource) === objectNamespace(pdb) &&
      selects(selector, asRecord(at(resource.props, "spec.template.metadata.labels")) ?? {}),
  );
  if (workloads.length === 0) return undefined;
  return workloads.reduce((sum, workload) => sum + Number(at(workload.props, "spec.replicas") ?? 1), 0);
}

function pdbFindings(pdb: ResourceView, resources: ResourceView[]): Finding[] {
  const budget = ["spec.maxUnavailable", "spec.minAvailable"].find((field) =>
    isUnknown(at(pdb.props, field)),
  );
  if (isUnknown(at(pdb.props, "spec")) || budget) return [unknownFinding(pdb, budget ?? "spec")];
  const spec = asRecord(at(pdb.props, "spec")) ?? {};
  const blocks = (field: string, why: string): Finding[] => [
    {
      field,
      message: `${describe(pdb)}: ${field} ${why}, so no node holding these pods can be drained — allow at least one pod to be evicted (maxUnavailable: 1)`,
    },
  ];
  if (spec.maxUnavailable === 0 || spec.maxUnavailable === "0%") return blocks("spec.maxUnavailable", "is 0");
  const min = spec.minAvailable;
  if (min === "100%") return blocks("spec.minAvailable", 'is "100%"');
  if (typeof min !== "number") return [];
  const replicas = replicasSelected(pdb, resources);
  if (replicas === undefined) {
    return [
      {
        field: "spec.minAvailable",
        couldNotCheck: true,
        message: `${describe(pdb)}: selects no workload in this stack, so whether minAvailable ${min} blocks drains could not be checked — prefer maxUnavailable: 1`,
      },
    ];
  }
  return min >= replicas ? blocks("spec.minAvailable", `is ${min} with ${replicas} replica(s)`) : [];
}

export const reliabilityPdbAllowsDrains: StackRule = {
  kind: "stack",
  name: "reliability-pdb-allows-drains",
  threats: ["MGR-9"],
  description: "PodDisruptionBudgets leave room for at least one eviction, so node drains can finish.",
  severity: "medium",
  enforcement: MANDATORY,
  checkStack: (resources) =>
    resources
      .filter((resource) => resource.type === "kubernetes:policy/v1:PodDisruptionBudget")
      .flatMap((pdb) => pdbFindings(pdb, resources).map((finding) => ({ ...finding, resource: pdb }))),
};
