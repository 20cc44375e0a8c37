import { MANDATORY, PROD_MANDATORY, ResourceRule } from "../rule";
import { Finding, asArray, asRecord, asString, at } from "../view";
import {
  CONFIG_MAP_TYPE,
  RunnerUnderCheck,
  checkRunners,
  jobFinding,
  securityContexts,
} from "./job-pod-helpers";
import { allowlistFindings } from "./job-pod-images";

export const jobPodsNoPrivileged: ResourceRule = {
  kind: "resource",
  name: "job-pods-no-privileged",
  threats: ["DEV-13"],
  description: "Job containers are never privileged and never allowed to escalate privileges.",
  severity: "critical",
  enforcement: MANDATORY,
  types: [CONFIG_MAP_TYPE],
  check(resource, context) {
    return checkRunners(resource, context, (subject) => {
      const findings: Finding[] = [];
      if (subject.kubernetes.privileged === true) {
        findings.push(
          jobFinding(
            subject,
            "privileged",
            "is true: every job container gets full access to the node",
            "set privileged = false; build images with kaniko or buildah instead of docker-in-docker",
          ),
        );
      }
      if (subject.kubernetes.allow_privilege_escalation === true) {
        findings.push(
          jobFinding(
            subject,
            "allow_privilege_escalation",
            "is true for every job container",
            "set it to false",
          ),
        );
      }
      for (const { key, value } of securityContexts(subject.kubernetes)) {
        if (value.privileged === true) {
          findings.push(
            jobFinding(
              subject,
              `${key}.privileged`,
              "is true",
              "remove it; no job container needs the node's full privileges",
            ),
          );
        }
        if (value.allow_privilege_escalation === true) {
          findings.push(
            jobFinding(subject, `${key}.allow_privilege_escalation`, "is true", "set it to false"),
          );
        }
      }
      return findings;
    });
  },
};

export const jobPodsNoHostPath: ResourceRule = {
  kind: "resource",
  name: "job-pods-no-host-path",
  threats: ["DEV-14"],
  description: "Job pods mount no host path, above all not the node's docker.sock.",
  severity: "critical",
  enforcement: MANDATORY,
  types: [CONFIG_MAP_TYPE],
  check(resource, context) {
    return checkRunners(resource, context, (subject) =>
      asArray(at(subject.kubernetes, "volumes.host_path")).map((entry) => {
        const volume = asRecord(entry) ?? {};
        const path = `${asString(volume.host_path) ?? ""} ${asString(volume.mount_path) ?? ""}`;
        return /docker\.sock/.test(path)
          ? jobFinding(
              subject,
              `volumes.host_path "${String(volume.name)}"`,
              "mounts the node's docker.sock: any job controls every container on the node",
              "remove it and build images with kaniko or buildah",
            )
          : jobFinding(
              subject,
              `volumes.host_path "${String(volume.name)}"`,
              `mounts host path ${String(volume.host_path ?? volume.mount_path)}`,
              "use an emptyDir, a PVC or a Secret instead",
            );
      }),
    );
  },
};

export const DANGEROUS_CAPABILITIES = new Set([
  "ALL",
  "SYS_ADMIN",
  "NET_ADMIN",
  "SYS_PTRACE",
  "SYS_MODULE",
  "SYS_RAWIO",
  "SYS_BOOT",
  "DAC_READ_SEARCH",
  "BPF",
  "PERFMON",
  "MAC_ADMIN",
  "MAC_OVERRIDE",
  "SYSLOG",
]);

export function capabilityName(value: unknown): string {
  return String(value).toUpperCase().replace(/^CAP_/, "");
}

export const jobPodsNoDangerousCapabilities: ResourceRule = {
  kind: "resource",
  name: "job-pods-no-dangerous-capabilities",
  threats: ["DEV-13"],
  description:
    "Job containers add no capability that reaches beyond the container (SYS_ADMIN, NET_ADMIN, ALL, …).",
  severity: "high",
  enforcement: MANDATORY,
  types: [CONFIG_MAP_TYPE],
  check(resource, context) {
    return checkRunners(resource, context, (subject) => {
      const added = [
        { key: "cap_add", list: asArray(subject.kubernetes.cap_add) },
        ...securityContexts(subject.kubernetes).map(({ key, value }) => ({
          key: `${key}.capabilities.add`,
          list: asArray(at(value, "capabilities.add")),
        })),
      ];
      return added.flatMap(({ key, list }) =>
        list
          .map(capabilityName)
          .filter((cap) => DANGEROUS_CAPABILITIES.has(cap))
          .map((cap) =>
            jobFinding(
              subject,
              key,
              `adds ${cap}`,
              "remove it; jobs need at most the baseline capabilities (CHOWN, SETUID, …)",
            ),
          ),
      );
    });
  },
};

function unconfinedFindings(subject: RunnerUnderCheck): Finding[] {
  const findings: Finding[] = [];
  for (const { key, value } of securityContexts(subject.kubernetes)) {
    for (const profile of ["seccomp_profile", "app_armor_profile"]) {
      if (String(at(value, `${profile}.type`)).toLowerCase() === "unconfined") {
        findings.push(
          jobFinding(subject, `${key}.${profile}.type`, 'is "Unconfined"', 'use "RuntimeDefault"'),
        );
      }
    }
  }
  for (const [name, value] of Object.entries(asRecord(subject.kubernetes.pod_annotations) ?? {})) {
    if (name.startsWith("container.apparmor.security.beta.kubernetes.io/") && value === "unconfined") {
      findings.push(
        jobFinding(
          subject,
          `pod_annotations."${name}"`,
          'is "unconfined"',
          'remove it or use "runtime/default"',
        ),
      );
    }
  }
  return findings;
}

export const jobPodsNoUnconfinedProfiles: ResourceRule = {
  kind: "resource",
  name: "job-pods-no-unconfined-profiles",
  threats: ["DEV-13"],
  description: "Job pods keep seccomp and AppArmor confinement.",
  severity: "high",
  enforcement: MANDATORY,
  types: [CONFIG_MAP_TYPE],
  check: (resource, context) => checkRunners(resource, context, unconfinedFindings),
};

function missingLimits(subject: RunnerUnderCheck): Finding[] {
  const required = ["cpu_limit", "memory_limit"];
  if (subject.context.environment === "prod") required.push("helper_cpu_limit", "helper_memory_limit");
  return required
    .filter((key) => subject.kubernetes[key] === undefined || subject.kubernetes[key] === "")
    .map((key) =>
      jobFinding(
        subject,
        key,
        `is not set${subject.context.environment === "prod" ? " (required in prod)" : ""}: one job can starve the node`,
        `set ${key} (fleet kubernetes.${key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())})`,
      ),
    );
}

export const jobPodsResourceLimits: ResourceRule = {
  kind: "resource",
  name: "job-pods-resource-limits",
  threats: ["DEV-12"],
  description: "Job build containers have CPU and memory limits; in prod the helper container too.",
  severity: "medium",
  enforcement: MANDATORY,
  types: [CONFIG_MAP_TYPE],
  check: (resource, context) => checkRunners(resource, context, missingLimits),
};

export const jobPodsAllowedImages: ResourceRule = {
  kind: "resource",
  name: "job-pods-allowed-images",
  threats: ["DEV-1"],
  description: "Every runner lists the images jobs may use (allowed_images), not every image.",
  severity: "high",
  enforcement: MANDATORY,
  types: [CONFIG_MAP_TYPE],
  check: (resource, context) =>
    checkRunners(resource, context, (subject) =>
      allowlistFindings(subject, {
        key: "allowed_images",
        fleetKey: "allowedImages",
        admits: "any image from any registry",
      }),
    ),
};

export const jobPodsActiveDeadline: ResourceRule = {
  kind: "resource",
  name: "job-pods-active-deadline",
  threats: ["DEV-12"],
  description:
    "Job pods carry activeDeadlineSeconds, so a job the runner lost is still stopped by Kubernetes.",
  severity: "medium",
  enforcement: PROD_MANDATORY,
  types: [CONFIG_MAP_TYPE],
  check(resource, context) {
    return checkRunners(resource, context, (subject) => {
      const flags = asRecord(subject.runner.feature_flags) ?? {};
      return flags.ff_use_pod_active_deadline_seconds === false
        ? [
            {
              field: "data.config.toml",
              message: `${subject.resource.name} (${subject.resource.type}): ${subject.where} [runners.feature_flags] FF_USE_POD_ACTIVE_DEADLINE_SECONDS is false: pods of timed-out or lost jobs keep running — remove the flag (it is on by default)`,
            },
          ]
        : [];
    });
  },
};
