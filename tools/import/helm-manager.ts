import { isTable } from "../../model/config-toml";
import type { Apply, HelmRules } from "./helm-appliers";
import { asCount, extra } from "./helm-appliers";
import { problem } from "./helm-context";
import { REASONS } from "./reasons";

/**
 * Chart values of the manager pod that `fleets[i].manager` expresses. Each is carried as it is; the stack
 * validates it (key paths and fixes) when the block is pasted, so nothing is reshaped here but the env forms.
 */
const managerOption =
  (key: string, read: (value: unknown) => unknown, expected: string): Apply =>
  (value, chartPath, ctx) => {
    const parsed = read(value);
    if (parsed === undefined) problem(ctx, chartPath, `expected ${expected}`);
    else ctx.extras.manager = { ...ctx.extras.manager, [key]: parsed };
  };

/** Several manager fields at once (the chart's `resources` → requests and limits), merged with the others. */
export const managerFields =
  (read: (value: unknown) => Record<string, unknown> | undefined, expected: string): Apply =>
  (value, chartPath, ctx) => {
    const parsed = read(value);
    if (parsed === undefined) problem(ctx, chartPath, `expected ${expected}`);
    else ctx.extras.manager = { ...ctx.extras.manager, ...parsed };
  };

const asMap = (value: unknown) =>
  isTable(value) && Object.values(value).every((v) => typeof v === "string") ? value : undefined;
const asList = (value: unknown) => (Array.isArray(value) && value.every(isTable) ? value : undefined);
const asTable = (value: unknown) => (isTable(value) ? value : undefined);
const asName = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);

/** `envVars: [{name, value}]` (the chart's list form). */
function asEnvList(value: unknown) {
  const list = asList(value);
  const ok = list?.every(
    (e) => typeof e.name === "string" && ["string", "number", "boolean"].includes(typeof e.value),
  );
  return ok ? list!.map((e) => ({ name: e.name as string, value: String(e.value) })) : undefined;
}

/** `extraEnv: {NAME: value}`. */
function asEnvMap(value: unknown) {
  if (
    !isTable(value) ||
    !Object.values(value).every((v) => ["string", "number", "boolean"].includes(typeof v))
  )
    return undefined;
  return Object.entries(value).map(([name, v]) => ({ name, value: String(v) }));
}

/** `extraEnvFrom: {NAME: {secretKeyRef: {name, key}} | {configMapKeyRef: {name, key}}}`. */
function asEnvFrom(value: unknown) {
  if (!isTable(value)) return undefined;
  const entries = Object.entries(value).map(([name, from]) => {
    if (!isTable(from)) return undefined;
    if (isTable(from.secretKeyRef)) return { name, secret: from.secretKeyRef };
    if (isTable(from.configMapKeyRef)) return { name, configMap: from.configMapKeyRef };
    return undefined;
  });
  return entries.every((e) => e !== undefined) ? entries : undefined;
}

/** Several chart keys add to the one `manager.env` list. */
const envOption =
  (read: (value: unknown) => unknown[] | undefined, expected: string): Apply =>
  (value, chartPath, ctx) => {
    const parsed = read(value);
    if (parsed === undefined) problem(ctx, chartPath, `expected ${expected}`);
    else ctx.extras.manager = { ...ctx.extras.manager, env: [...(ctx.extras.manager?.env ?? []), ...parsed] };
  };

/** Older charts document `imagePullSecrets: [{name: …}]`, newer ones plain names; both become names. */
function asSecretNames(value: unknown) {
  const name = (item: unknown) => (typeof item === "string" ? item : isTable(item) ? item.name : undefined);
  const names = Array.isArray(value) ? value.map(name) : [];
  return names.length > 0 && names.every((n): n is string => typeof n === "string") ? names : undefined;
}

/**
 * `metrics`: its port (`port`, or `listenPort` in older charts) becomes `manager.metricsPort`; the platform
 * always serves metrics (so `enabled` needs nothing), and the rest (service monitor, port name) is listed.
 */
const metrics: Apply = (value, chartPath, ctx) => {
  if (!isTable(value)) {
    problem(ctx, chartPath, "expected a map of metrics settings");
    return;
  }
  for (const [key, setting] of Object.entries(value)) {
    if (key === "enabled") continue;
    if ((key === "port" || key === "listenPort") && asCount(setting) !== undefined)
      ctx.extras.manager = { ...ctx.extras.manager, metricsPort: setting };
    else ctx.notCarried.push({ path: `${chartPath}.${key}`, reason: REASONS.metrics });
  }
};

/** The chart's manager image tag: from `image: repo:tag`, a bare tag, or `image: {registry, image, tag}`. */
function imageTag(value: unknown): string | undefined {
  if (isTable(value)) return typeof value.tag === "string" ? value.tag : undefined;
  if (typeof value !== "string") return undefined;
  const lastSlash = value.lastIndexOf("/");
  const colon = value.indexOf(":", lastSlash + 1);
  return colon >= 0 ? value.slice(colon + 1) : value;
}

/** The platform pins the image itself (listed); an ubuntu tag is carried as the fleet's image flavour. */
const image: Apply = (value, chartPath, ctx) => {
  const ubuntu = imageTag(value)?.startsWith("ubuntu") === true;
  if (ubuntu) ctx.extras.manager = { ...ctx.extras.manager, imageFlavor: "ubuntu" };
  const flavour = ubuntu ? "; its ubuntu flavour is carried as manager.imageFlavor" : "";
  ctx.notCarried.push({ path: chartPath, reason: `${REASONS.managerImage} (runnerImage.version)${flavour}` });
};

export const MANAGER_POD_RULES: HelmRules = {
  image,
  metrics,
  replicas: extra("replicas", asCount, "a number of replicas"),
  nodeSelector: managerOption("nodeSelector", asMap, "a map of node labels"),
  tolerations: managerOption("tolerations", asList, "a list of tolerations"),
  affinity: managerOption("affinity", asTable, "a Kubernetes affinity"),
  topologySpreadConstraints: managerOption("topologySpreadConstraints", asList, "a list of constraints"),
  priorityClassName: managerOption("priorityClassName", asName, "a PriorityClass name"),
  podAnnotations: managerOption("podAnnotations", asMap, "a map of annotations"),
  podLabels: managerOption("podLabels", asMap, "a map of labels"),
  imagePullSecrets: managerOption("imagePullSecrets", asSecretNames, "a list of secret names"),
  envVars: envOption(asEnvList, "a list of {name, value}"),
  extraEnv: envOption(asEnvMap, "a map of variable names to values"),
  extraEnvFrom: envOption(asEnvFrom, "a map of names to {secretKeyRef} or {configMapKeyRef}"),
};
