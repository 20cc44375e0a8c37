import {
  CONFIG_MAP_TYPE,
  JOB_CONTAINER_CONTEXTS,
  TomlTable,
  kubernetesOf,
  readRunnerConfig,
  runnerPath,
} from "../config-toml";
import { RuleContext } from "../rule";
import { Finding, ResourceView, asRecord, describe } from "../view";

export { CONFIG_MAP_TYPE };

export interface RunnerUnderCheck {
  resource: ResourceView;
  runner: TomlTable;
  kubernetes: TomlTable;
  /** `config.toml runners[i] ("name")`, for messages. */
  where: string;
  context: RuleContext;
}

/**
 * Runs a check on every `[[runners]]` entry of a ConfigMap's config.toml. A config.toml that cannot be read
 * (unknown at preview, hidden, or not TOML) yields a could-not-check finding instead of a silent pass.
 */
export function checkRunners(
  resource: ResourceView,
  context: RuleContext,
  check: (runner: RunnerUnderCheck) => Finding[],
): Finding[] {
  const read = readRunnerConfig(resource);
  if (read.state === "absent") return [];
  if (read.state === "unreadable") {
    return [
      {
        field: "data.config.toml",
        couldNotCheck: true,
        message: `${describe(resource)}: ${read.reason}, so the job pod settings could not be checked — render config.toml from known values`,
      },
    ];
  }
  return read.config.runners.flatMap((runner, index) =>
    check({ resource, runner, kubernetes: kubernetesOf(runner), where: runnerPath(runner, index), context }),
  );
}

/** `[runners.kubernetes]` and each job container security context, with the key they sit under. */
export function securityContexts(kubernetes: TomlTable): Array<{ key: string; value: TomlTable }> {
  const pod = asRecord(kubernetes.pod_security_context);
  const containers = JOB_CONTAINER_CONTEXTS.map((key) => ({ key, value: asRecord(kubernetes[key]) })).filter(
    (entry): entry is { key: (typeof JOB_CONTAINER_CONTEXTS)[number]; value: TomlTable } =>
      entry.value !== undefined,
  );
  return [...(pod ? [{ key: "pod_security_context", value: pod }] : []), ...containers];
}

/** A finding about one config.toml key of a runner entry. */
export function jobFinding(subject: RunnerUnderCheck, key: string, problem: string, fix: string): Finding {
  return {
    field: `data.config.toml`,
    message: `${describe(subject.resource)}: ${subject.where} [runners.kubernetes] ${key} ${problem} — ${fix}`,
  };
}
