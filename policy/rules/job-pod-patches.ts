import { PodSpecPatch, podSpecPatches } from "../pod-spec-patch";
import { MANDATORY, ResourceRule } from "../rule";
import { Finding, asArray, asRecord, asString, at } from "../view";
import { CONFIG_MAP_TYPE, RunnerUnderCheck, checkRunners, jobFinding } from "./job-pod-helpers";
import { DANGEROUS_CAPABILITIES, capabilityName } from "./job-pods";

type Problem = { where: string; what: string };

/** Volume sources that stay inside the pod and hold no credential. */
const POD_LOCAL_VOLUMES = new Set(["name", "emptyDir", "configMap", "downwardAPI"]);

const HOST_NAMESPACES: Record<string, string> = {
  hostNetwork: "shares the node's network",
  hostPID: "sees the node's processes",
  hostIPC: "shares the node's IPC",
};

function podProblems(spec: Record<string, unknown>): Problem[] {
  const problems: Problem[] = Object.entries(HOST_NAMESPACES)
    .filter(([key]) => spec[key] === true)
    .map(([key, what]) => ({ where: key, what }));
  const account = asString(spec.serviceAccountName) ?? asString(spec.serviceAccount);
  if (account)
    problems.push({
      where: "serviceAccountName",
      what: `runs the pod as "${account}", not the fleet's job account`,
    });
  if (spec.automountServiceAccountToken === true)
    problems.push({ where: "automountServiceAccountToken", what: "mounts the pod's API token" });
  if (asString(spec.nodeName))
    problems.push({
      where: "nodeName",
      what: `places the pod on node ${String(spec.nodeName)} past the scheduler and its taints`,
    });
  if (asArray(spec.tolerations).some((t) => asRecord(t)?.operator === "Exists" && !asRecord(t)?.key))
    problems.push({ where: "tolerations", what: "tolerates every taint" });
  return problems;
}

function volumeProblems(spec: Record<string, unknown>): Problem[] {
  return asArray(spec.volumes).flatMap((entry): Problem[] => {
    const volume = asRecord(entry) ?? {};
    const where = `volumes "${String(volume.name)}"`;
    if (volume.hostPath) return [{ where, what: "mounts a host path: the node's file system" }];
    if (volume.ephemeral) {
      const template = at(volume, "ephemeral.volumeClaimTemplate.spec");
      return at(template, "dataSource") || at(template, "dataSourceRef")
        ? [{ where, what: "clones an existing claim or snapshot into every job" }]
        : [];
    }
    if (asArray(at(volume, "projected.sources")).some((s) => asRecord(s)?.serviceAccountToken))
      return [{ where, what: "mounts an API token" }];
    if (volume.projected) return [];
    const source = Object.keys(volume).find((key) => !POD_LOCAL_VOLUMES.has(key));
    return source
      ? [
          {
            where,
            what: `mounts a ${source} volume past the fleet's volumes, where no rule sees who else uses it`,
          },
        ]
      : [];
  });
}

function contextProblems(where: string, context: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  if (context.privileged === true) problems.push({ where: `${where}.privileged`, what: "is true" });
  if (context.allowPrivilegeEscalation === true)
    problems.push({ where: `${where}.allowPrivilegeEscalation`, what: "is true" });
  if (context.procMount === "Unmasked") problems.push({ where: `${where}.procMount`, what: "unmasks /proc" });
  for (const profile of ["seccompProfile", "appArmorProfile"]) {
    if (at(context, `${profile}.type`) === "Unconfined")
      problems.push({ where: `${where}.${profile}`, what: "is Unconfined" });
  }
  const added = asArray(at(context, "capabilities.add"))
    .map(capabilityName)
    .filter((c) => DANGEROUS_CAPABILITIES.has(c));
  if (added.length > 0)
    problems.push({ where: `${where}.capabilities.add`, what: `adds ${added.join(", ")}` });
  return problems;
}

function containerProblems(spec: Record<string, unknown>): Problem[] {
  const pod = contextProblems("securityContext", asRecord(spec.securityContext) ?? {});
  const containers = ["initContainers", "containers", "ephemeralContainers"].flatMap((key) =>
    asArray(spec[key]).flatMap((entry) => {
      const container = asRecord(entry) ?? {};
      return contextProblems(
        `${key} "${String(container.name)}".securityContext`,
        asRecord(container.securityContext) ?? {},
      );
    }),
  );
  return [...pod, ...containers];
}

function patchFindings(subject: RunnerUnderCheck, patch: PodSpecPatch): Finding[] {
  const key = `pod_spec "${patch.name}"`;
  if (patch.state === "unreadable") {
    return [
      {
        ...jobFinding(
          subject,
          key,
          `could not be read: ${patch.reason}`,
          "write the patch inline in config.toml",
        ),
        couldNotCheck: true,
      },
    ];
  }
  return patch.sets
    .flatMap((spec) => [...podProblems(spec), ...volumeProblems(spec), ...containerProblems(spec)])
    .map(({ where, what }) =>
      jobFinding(
        subject,
        `${key} ${where}`,
        what,
        "remove it from the patch; give jobs what they need through the fleet's own settings",
      ),
    );
}

export const jobPodsPodSpecPatches: ResourceRule = {
  kind: "resource",
  name: "job-pods-pod-spec-patches",
  threats: ["DEV-15"],
  description:
    "pod_spec patches add no host namespace, host path, outside volume, cloned claim, API token, other ServiceAccount or privilege to job pods.",
  severity: "critical",
  enforcement: MANDATORY,
  types: [CONFIG_MAP_TYPE],
  check: (resource, context) =>
    checkRunners(resource, context, (subject) =>
      podSpecPatches(subject.kubernetes).flatMap((patch) => patchFindings(subject, patch)),
    ),
};
