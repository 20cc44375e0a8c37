import { unpinnedReason } from "../facts";
import { MANDATORY, PROD_MANDATORY, ResourceRule } from "../rule";
import { Finding, ResourceView, asArray, asRecord, asString, at, describe } from "../view";
import {
  ContainerAt,
  PodSpecAt,
  WORKLOAD_TYPES,
  containersOf,
  isRunnerManager,
  podSpecOf,
} from "../workloads";
import { CONFIG_MAP_TYPE, checkRunners, jobFinding } from "./job-pod-helpers";

function forManager(resource: ResourceView, check: (pod: PodSpecAt) => Finding[]): Finding[] {
  if (!isRunnerManager(resource)) return [];
  const pod = podSpecOf(resource);
  if (!pod) {
    return [
      {
        field: "spec",
        couldNotCheck: true,
        message: `${describe(resource)}: its pod spec is unknown at preview, so the manager pod could not be checked — build the pod template from values known at preview`,
      },
    ];
  }
  return check(pod);
}

const ALLOWED_ADDED_CAPABILITIES = new Set(["NET_BIND_SERVICE"]);

function containerRestrictedFindings(
  resource: ResourceView,
  pod: PodSpecAt,
  { path, container }: ContainerAt,
): Finding[] {
  const context = asRecord(container.securityContext) ?? {};
  const podContext = asRecord(pod.spec.securityContext) ?? {};
  const fix = (field: string, problem: string, remedy: string): Finding => ({
    field,
    message: `${describe(resource)}: ${field} ${problem} — ${remedy} (Pod Security "restricted")`,
  });
  const findings: Finding[] = [];
  if (context.privileged === true)
    findings.push(fix(`${path}.securityContext.privileged`, "is true", "remove it"));
  if (context.allowPrivilegeEscalation !== false) {
    findings.push(fix(`${path}.securityContext.allowPrivilegeEscalation`, "is not false", "set it to false"));
  }
  if (!asArray(at(context, "capabilities.drop")).includes("ALL")) {
    findings.push(
      fix(`${path}.securityContext.capabilities.drop`, 'does not drop "ALL"', 'set drop: ["ALL"]'),
    );
  }
  const added = asArray(at(context, "capabilities.add")).filter(
    (cap) => !ALLOWED_ADDED_CAPABILITIES.has(String(cap)),
  );
  if (added.length > 0)
    findings.push(fix(`${path}.securityContext.capabilities.add`, `adds ${added.join(", ")}`, "remove them"));
  if ((context.runAsNonRoot ?? podContext.runAsNonRoot) !== true) {
    findings.push(
      fix(
        `${path}.securityContext.runAsNonRoot`,
        "is not true (nor set on the pod)",
        "set runAsNonRoot: true",
      ),
    );
  }
  if ((context.runAsUser ?? podContext.runAsUser) === 0)
    findings.push(fix(`${path}.securityContext.runAsUser`, "is 0", "run as a non-zero user"));
  const seccomp =
    asString(at(context, "seccompProfile.type")) ?? asString(at(podContext, "seccompProfile.type"));
  if (seccomp !== "RuntimeDefault" && seccomp !== "Localhost") {
    findings.push(
      fix(
        `${path}.securityContext.seccompProfile.type`,
        `is ${seccomp ? `"${seccomp}"` : "not set (nor on the pod)"}`,
        'set it to "RuntimeDefault"',
      ),
    );
  }
  return findings;
}

function podRestrictedFindings(resource: ResourceView, pod: PodSpecAt): Finding[] {
  const findings: Finding[] = ["hostNetwork", "hostPID", "hostIPC"]
    .filter((key) => pod.spec[key] === true)
    .map((key) => ({
      field: `${pod.path}.${key}`,
      message: `${describe(resource)}: ${pod.path}.${key} is true — remove it (Pod Security "restricted")`,
    }));
  asArray(pod.spec.volumes).forEach((volume, index) => {
    if (asRecord(volume)?.hostPath) {
      findings.push({
        field: `${pod.path}.volumes[${index}].hostPath`,
        message: `${describe(resource)}: ${pod.path}.volumes[${index}] mounts a host path — use an emptyDir, ConfigMap or Secret (Pod Security "restricted")`,
      });
    }
  });
  return findings;
}

export const managerPodsRestricted: ResourceRule = {
  kind: "resource",
  name: "manager-pods-restricted",
  threats: ["MGR-5"],
  description: 'Runner manager pods meet Pod Security "restricted".',
  severity: "high",
  enforcement: MANDATORY,
  types: WORKLOAD_TYPES,
  check: (resource) =>
    forManager(resource, (pod) => [
      ...podRestrictedFindings(resource, pod),
      ...containersOf(pod).flatMap((container) => containerRestrictedFindings(resource, pod, container)),
    ]),
};

export const managerPodsResources: ResourceRule = {
  kind: "resource",
  name: "manager-pods-resources",
  threats: ["MGR-9"],
  description: "Every manager container requests CPU and memory and has a memory limit.",
  severity: "medium",
  enforcement: PROD_MANDATORY,
  types: WORKLOAD_TYPES,
  check: (resource) =>
    forManager(resource, (pod) =>
      containersOf(pod).flatMap(({ path, container }) =>
        ["requests.cpu", "requests.memory", "limits.memory"]
          .filter((key) => at(container, `resources.${key}`) === undefined)
          .map((key) => ({
            field: `${path}.resources.${key}`,
            message: `${describe(resource)}: ${path}.resources.${key} is not set — set it (fleet manager.requests / manager.limits)`,
          })),
      ),
    ),
};

export const managerPodsPinnedImages: ResourceRule = {
  kind: "resource",
  name: "manager-pods-pinned-images",
  threats: ["EDIT-3"],
  description: "Manager containers run a pinned image (a digest or a tag naming a version, never latest).",
  severity: "high",
  enforcement: MANDATORY,
  types: WORKLOAD_TYPES,
  check: (resource) =>
    forManager(resource, (pod) =>
      containersOf(pod).flatMap(({ path, container }) => {
        const image = String(container.image ?? "");
        const reason = unpinnedReason(image);
        return reason
          ? [
              {
                field: `${path}.image`,
                message: `${describe(resource)}: ${path}.image "${image}" ${reason} — pin a version (runnerImage.version)`,
              },
            ]
          : [];
      }),
    ),
};

export const managerPodsHelperImagePinned: ResourceRule = {
  kind: "resource",
  name: "manager-pods-helper-image-pinned",
  threats: ["EDIT-3"],
  description:
    "config.toml's helper_image and default job image, when set, are pinned (a digest or a tag naming a version, never latest).",
  severity: "high",
  enforcement: MANDATORY,
  types: [CONFIG_MAP_TYPE],
  check: (resource, context) =>
    checkRunners(resource, context, (subject) =>
      ["helper_image", "image"].flatMap((key) => {
        const image = asString(subject.kubernetes[key]);
        const reason = image === undefined ? undefined : unpinnedReason(image);
        return reason
          ? [jobFinding(subject, key, `"${image}" ${reason}`, "pin a version tag or digest")]
          : [];
      }),
    ),
};
