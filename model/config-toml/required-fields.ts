import type { RunnerConfig } from "./global";
import { KUBERNETES_SECTION, type KubernetesSettings } from "./kubernetes";
import { toTomlPath } from "./paths";
import { knowsKey, RUNNER_KEY_VERSIONS, type RunnerVersion } from "./runner-versions";
import { isTable, type Table } from "./toml-tree";

/**
 * A field of a [[table]] list that the runner's lint requires whenever an item is present: its Go field is a
 * pointer the JSON schema does not allow to be null, so an item without it fails `gitlab-runner lint` (and every
 * load logs a schema warning). The platform writes the value that means what leaving it out means to the runner.
 */
interface RequiredField {
  /** Path of the list inside [runners.kubernetes] (camelCase). */
  list: readonly [string, string];
  field: string;
  /** The value the runner (or Kubernetes) takes when the field is unset, given the item. */
  neutral: (item: Table) => unknown;
  /** Where that meaning is stated. */
  why: string;
}

const MOUNT_PROPAGATION_NONE: Omit<RequiredField, "list"> = {
  field: "mountPropagation",
  neutral: () => "None",
  why: "an unset mountPropagation is Kubernetes' None",
};

export const REQUIRED_WHEN_PRESENT: readonly RequiredField[] = [
  { list: ["volumes", "pvc"], ...MOUNT_PROPAGATION_NONE },
  { list: ["volumes", "hostPath"], ...MOUNT_PROPAGATION_NONE },
  { list: ["volumes", "emptyDir"], ...MOUNT_PROPAGATION_NONE },
  {
    list: ["autoscaler", "policy"],
    field: "preemptiveMode",
    neutral: (policy) => typeof policy.idleCount === "number" && policy.idleCount > 0,
    why: "the runner's PreemptiveModeEnabled(): unset means idle_count > 0",
  },
  {
    list: ["dnsConfig", "options"],
    field: "value",
    neutral: () => "",
    why: "the kubelet writes an option whose value is unset or empty as the bare name",
  },
];

/** The config.toml key of a required field, as the runner version table names it. */
export function requiredFieldKey(required: RequiredField): string {
  const segments = toTomlPath([...required.list, required.field], KUBERNETES_SECTION);
  return ["runners", "kubernetes", ...segments].join(".");
}

/**
 * The config with every required field set where the runner `version` reads it (an older runner that does not
 * know the key gets nothing: to it the key would be unknown).
 */
export function withRequiredFields(config: RunnerConfig, version: RunnerVersion): RunnerConfig {
  const applicable = REQUIRED_WHEN_PRESENT.filter((required) => {
    const life = RUNNER_KEY_VERSIONS(requiredFieldKey(required));
    return life !== undefined && knowsKey(version, life);
  });
  if (!config.runners?.some((runner) => runner.kubernetes)) return config;
  return {
    ...config,
    runners: config.runners.map((runner) =>
      runner.kubernetes ? { ...runner, kubernetes: completed(runner.kubernetes, applicable) } : runner,
    ),
  };
}

function completed(settings: KubernetesSettings, applicable: readonly RequiredField[]): KubernetesSettings {
  const result = structuredClone(settings) as Table;
  for (const {
    list: [parent, child],
    field,
    neutral,
  } of applicable) {
    const container = result[parent];
    const items = isTable(container) ? container[child] : undefined;
    if (!Array.isArray(items)) continue;
    for (const item of items) if (isTable(item) && item[field] === undefined) item[field] = neutral(item);
  }
  return result as KubernetesSettings;
}
