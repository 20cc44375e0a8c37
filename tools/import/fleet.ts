import { JOB_PATHS } from "../../model/fleet";
import {
  type GlobalSettings,
  type KubernetesSettings,
  type RunnerConfigTemplate,
  type RunnerTemplate,
} from "../../model/config-toml";
import { type PathSegment } from "../../model/problems";
import { GLOBAL_DESTINATIONS, KUBERNETES_DROPPED, RUNNER_DESTINATIONS } from "./destinations";
import { carryCache } from "./cache";
import { platformVolumes } from "./platform-volumes";
import { REASONS } from "./reasons";
import { configKey, type NotCarried } from "./types";

/** Settings that only the Helm chart knows: they live in GitLab (tags, …) or around the manager. */
export interface FleetExtras {
  gitlabUrl?: string;
  name?: string;
  tags?: string[];
  runUntagged?: boolean;
  protected?: boolean;
  locked?: boolean;
  maximumTimeout?: number;
  hostAliases?: { ip: string; hostnames: string[] }[];
  replicas?: number;
  /** The chart's manager pod values that `fleets[i].manager` expresses (resources, scheduling, env …). */
  manager?: Record<string, unknown> & { env?: unknown[] };
}

const EXTRA_ORDER = ["replicas", "tags", "runUntagged", "protected", "locked", "maximumTimeout"] as const;

export interface StackConfigResult {
  stackConfig: Record<string, unknown>;
  notCarried: NotCarried[];
}

type Describe = (modelPath: readonly PathSegment[]) => string;

/** Maps a validated runner configuration onto the stack configuration, listing what it cannot carry. */
export function buildStackConfig(
  config: RunnerConfigTemplate,
  extras: FleetExtras,
  describe: Describe,
): StackConfigResult {
  const notCarried: NotCarried[] = [];
  const fleetWide = globalSettings(config, describe, notCarried);
  const runners: RunnerTemplate[] = config.runners?.length ? config.runners : [{}];
  const names = new Set<string>();
  const fleets = runners.map((runner, index) => {
    const fleet = buildFleet(runner, ["runners", index], { extras, fleetWide, describe, notCarried });
    fleet.name = uniqueName(String(fleet.name), names);
    return fleet;
  });
  const stackConfig: Record<string, unknown> = {};
  const url = gitlabUrl(config, extras, describe, notCarried);
  if (url !== undefined) stackConfig[configKey("gitlab")] = { url };
  stackConfig[configKey("fleets")] = fleets;
  if (extras.hostAliases?.length) stackConfig[configKey("hostAliases")] = extras.hostAliases;
  return { stackConfig, notCarried };
}

function globalSettings(
  config: RunnerConfigTemplate,
  describe: Describe,
  notCarried: NotCarried[],
): Record<string, unknown> {
  const carried: Record<string, unknown> = {};
  for (const key of Object.keys(GLOBAL_DESTINATIONS) as (keyof GlobalSettings)[]) {
    const value = config[key];
    if (value === undefined) continue;
    const destination = GLOBAL_DESTINATIONS[key];
    if (destination === "fleet") carried[key] = value;
    else if (destination !== "special")
      notCarried.push({ path: describe([key]), reason: destination.reason });
  }
  return carried;
}

interface FleetContext {
  extras: FleetExtras;
  fleetWide: Record<string, unknown>;
  describe: Describe;
  notCarried: NotCarried[];
}

function buildFleet(
  runner: RunnerTemplate,
  at: readonly PathSegment[],
  ctx: FleetContext,
): Record<string, unknown> {
  const fleet: Record<string, unknown> = { name: dnsLabel(ctx.extras.name ?? runner.name) };
  for (const key of EXTRA_ORDER) if (ctx.extras[key] !== undefined) fleet[key] = ctx.extras[key];
  Object.assign(fleet, ctx.fleetWide);
  if (ctx.extras.manager) fleet.manager = ctx.extras.manager;
  if (runner.executor !== undefined && runner.executor !== "kubernetes") {
    ctx.notCarried.push({
      path: ctx.describe([...at, "executor"]),
      reason: `executor "${runner.executor}": ${REASONS.otherExecutor}`,
    });
  }
  for (const key of Object.keys(RUNNER_DESTINATIONS) as (keyof RunnerTemplate)[]) {
    const value = runner[key];
    const destination = RUNNER_DESTINATIONS[key];
    if (value === undefined || destination === "special") continue;
    if (destination === "fleet") fleet[key] = value;
    else ctx.notCarried.push({ path: ctx.describe([...at, key]), reason: destination.reason });
  }
  const kubernetes = runner.kubernetes && carryKubernetes(runner.kubernetes, [...at, "kubernetes"], ctx);
  if (kubernetes) Object.assign(fleet, dangerousModes(kubernetes, [...at, "kubernetes"], ctx));
  if (kubernetes?.automountServiceAccountToken !== undefined) {
    // The stack says this with its own key, which also decides what the job ServiceAccount may mount.
    fleet.jobServiceAccountToken = kubernetes.automountServiceAccountToken;
    delete kubernetes.automountServiceAccountToken;
  }
  if (kubernetes && Object.keys(kubernetes).length > 0) fleet.kubernetes = kubernetes;
  const cache = runner.cache && carryCache(runner.cache, [...at, "cache"], ctx.describe, ctx.notCarried);
  if (cache) fleet.cache = cache;
  if (kubernetes) {
    platformVolumes(kubernetes, fleet, [...at, "kubernetes"], (path, reason) =>
      ctx.notCarried.push({ path: ctx.describe(path), reason }),
    );
    if (Object.keys(kubernetes).length === 0) delete fleet.kubernetes;
  }
  return fleet;
}

function carryKubernetes(
  settings: KubernetesSettings,
  at: readonly PathSegment[],
  ctx: FleetContext,
): KubernetesSettings {
  const carried: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) {
    const reason = KUBERNETES_DROPPED[key as keyof KubernetesSettings];
    if (reason === undefined) carried[key] = value;
    else ctx.notCarried.push({ path: ctx.describe([...at, key]), reason });
  }
  return carried as KubernetesSettings;
}

/**
 * Privileged containers and the node's docker.sock become the fleet's explicit `dangerous` switches (taken out of
 * `kubernetes`, which the platform does not let set them). Each is listed: it needs isolation to be accepted.
 */
function dangerousModes(
  kubernetes: KubernetesSettings,
  at: readonly PathSegment[],
  ctx: FleetContext,
): { dangerous?: { dockerInDocker?: true; dockerSocket?: true } } {
  const dangerous: { dockerInDocker?: true; dockerSocket?: true } = {};
  if (kubernetes.privileged === true) {
    dangerous.dockerInDocker = true;
    ctx.notCarried.push({ path: ctx.describe([...at, "privileged"]), reason: REASONS.dockerInDocker });
  }
  delete kubernetes.privileged;
  const hostPaths = kubernetes.volumes?.hostPath;
  const socket = hostPaths?.findIndex((v) => (v.hostPath ?? v.mountPath) === JOB_PATHS.dockerSocket) ?? -1;
  if (hostPaths && socket >= 0) {
    dangerous.dockerSocket = true;
    ctx.notCarried.push({
      path: ctx.describe([...at, "volumes", "hostPath", socket]),
      reason: REASONS.dockerSocket,
    });
    hostPaths.splice(socket, 1);
    if (hostPaths.length === 0) delete kubernetes.volumes!.hostPath;
    if (Object.keys(kubernetes.volumes!).length === 0) delete kubernetes.volumes;
  }
  return Object.keys(dangerous).length ? { dangerous } : {};
}

/** `gitlab.example.com[:port][/path]`: a host name with a dot, the form GitLab's own documentation uses. */
const HOST_WITHOUT_SCHEME =
  /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:\d+)?(\/\S*)?$/i;

function gitlabUrl(
  config: RunnerConfigTemplate,
  extras: FleetExtras,
  describe: Describe,
  notCarried: NotCarried[],
) {
  const candidates: { url: string; path: string }[] = (config.runners ?? []).flatMap((runner, index) =>
    runner.url === undefined ? [] : [{ url: runner.url, path: describe(["runners", index, "url"]) }],
  );
  if (extras.gitlabUrl !== undefined) candidates.unshift({ url: extras.gitlabUrl, path: "gitlabUrl" });
  let chosen: string | undefined;
  for (const { url, path } of candidates) {
    let normalized = url.replace(/\/+$/, "");
    if (HOST_WITHOUT_SCHEME.test(normalized)) {
      normalized = `https://${normalized}`;
      notCarried.push({ path, reason: `${REASONS.assumedScheme} (${normalized})` });
    }
    if (!/^https?:\/\//.test(normalized)) notCarried.push({ path, reason: REASONS.placeholderUrl });
    else if (chosen === undefined) chosen = normalized;
    else if (chosen !== normalized) notCarried.push({ path, reason: `${REASONS.otherUrl} (${chosen})` });
  }
  return chosen;
}

/** Longest fleet name the stack configuration accepts (it prefixes the fleet's Kubernetes object names). */
const MAX_FLEET_NAME = 40;

/** A fleet name from a runner's name: lower case, dashes for anything else, starting with a letter, ≤ 40 chars. */
export function dnsLabel(name: string | undefined): string {
  const label = (name ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^[^a-z]+/, "")
    .slice(0, MAX_FLEET_NAME)
    .replace(/-+$/g, "");
  return label === "" ? "imported" : label;
}

function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) {
    const suffix = `-${n}`;
    candidate = `${name.slice(0, MAX_FLEET_NAME - suffix.length).replace(/-+$/, "")}${suffix}`;
  }
  taken.add(candidate);
  return candidate;
}
