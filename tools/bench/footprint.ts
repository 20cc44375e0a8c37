import { isDeepStrictEqual } from "node:util";

/** A resource as `pulumi stack export` (and synth's stack.json) records it; what a diff compares. */
export interface ExportedResource {
  urn: string;
  type: string;
  inputs: Record<string, unknown>;
}

/** A one-setting edit of a stack's configuration (engine-shaped: project-qualified keys, parsed values). */
export interface SettingChange {
  what: string;
  /** Only the fleet's config.toml may change: its manager pod template must stay as it was. */
  configTomlOnly: boolean;
  edit(config: Record<string, unknown>): void;
}

const POD_TEMPLATE_OWNERS = new Set(["kubernetes:apps/v1:StatefulSet", "kubernetes:apps/v1:Deployment"]);

/** Resources a `pulumi preview` would list: created, deleted, or with different inputs. */
export function changedResources(before: ExportedResource[], after: ExportedResource[]): string[] {
  const old = new Map(before.map((r) => [r.urn, r]));
  const changed = after
    .filter((r) => !old.has(r.urn) || !isDeepStrictEqual(old.get(r.urn)!.inputs, r.inputs))
    .map((r) => r.urn);
  const kept = new Set(after.map((r) => r.urn));
  return [...changed, ...before.filter((r) => !kept.has(r.urn)).map((r) => r.urn)].sort();
}

/** Workloads whose pod template differs: each would roll its pods. */
export function rolledWorkloads(before: ExportedResource[], after: ExportedResource[]): string[] {
  const template = (r: ExportedResource) => (r.inputs.spec as { template?: unknown } | undefined)?.template;
  const old = new Map(before.map((r) => [r.urn, r]));
  return after
    .filter((r) => POD_TEMPLATE_OWNERS.has(r.type) && old.has(r.urn))
    .filter((r) => !isDeepStrictEqual(template(old.get(r.urn)!), template(r)))
    .map((r) => r.urn);
}

/** The short name of a resource in a table: its type's last segment and its name. */
export function shortUrn(urn: string): string {
  const [, , types, name] = urn.split("::");
  const type = types?.split("$").pop()?.split(":").pop();
  return type && name ? `${type} ${name}` : urn;
}

type Fleet = Record<string, unknown> & { name: string; kubernetes?: Record<string, unknown> };

function fleetNamed(config: Record<string, unknown>, project: string, name: string): Fleet {
  const fleet = (config[`${project}:fleets`] as Fleet[]).find((f) => f.name === name);
  if (!fleet) throw new Error(`the stack has no fleet ${name}`);
  return fleet;
}

/** One-setting changes a platform team makes every week, on a stack's first fleet. */
export function weeklyChanges(project: string, fleet: string): SettingChange[] {
  const on = (config: Record<string, unknown>) => fleetNamed(config, project, fleet);
  return [
    {
      what: `fleets[${fleet}].concurrent + 1`,
      configTomlOnly: true,
      edit: (c) => void (on(c).concurrent = Number(on(c).concurrent ?? 4) + 1),
    },
    {
      what: `fleets[${fleet}].kubernetes.memoryLimit → 3Gi`,
      configTomlOnly: true,
      edit: (c) => void (on(c).kubernetes = { ...on(c).kubernetes, memoryLimit: "3Gi" }),
    },
    {
      what: `fleets[${fleet}].tags + one`,
      configTomlOnly: false,
      edit: (c) => void (on(c).tags = [...((on(c).tags as string[] | undefined) ?? []), "extra"]),
    },
    {
      what: `fleets[${fleet}].replicas + 1`,
      configTomlOnly: false,
      edit: (c) => void (on(c).replicas = Number(on(c).replicas ?? 1) + 1),
    },
  ];
}
