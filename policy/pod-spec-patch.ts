import { parse } from "yaml";
import { TomlTable } from "./config-toml";
import { asArray, asRecord, asString } from "./view";

/**
 * One `[[runners.kubernetes.pod_spec]]` patch, read as the runner reads it (YAML or JSON, applied to the job
 * pod's PodSpec): the PodSpec fields it sets, or why they cannot be told.
 */
export type PodSpecPatch =
  | { state: "read"; name: string; sets: Array<Record<string, unknown>> }
  | { state: "unreadable"; name: string; reason: string };

/** `/containers/0/securityContext` → {containers: [{securityContext: value}]}: what a JSON patch op sets. */
function fromPointer(pointer: string, value: unknown): Record<string, unknown> {
  const keys = pointer
    .split("/")
    .slice(1)
    .map((key) => key.replace(/~1/g, "/").replace(/~0/g, "~"));
  let built: unknown = value;
  for (const key of keys.reverse()) built = /^(\d+|-)$/.test(key) ? [built] : { [key]: built };
  return asRecord(built) ?? {};
}

function jsonPatchSets(name: string, ops: unknown[]): PodSpecPatch {
  const sets: Array<Record<string, unknown>> = [];
  for (const entry of ops) {
    const op = asRecord(entry) ?? {};
    if (op.op === "add" || op.op === "replace") sets.push(fromPointer(String(op.path ?? ""), op.value));
    else if (op.op === "copy" || op.op === "move") {
      return {
        state: "unreadable",
        name,
        reason: `its ${String(op.op)} operation takes a value from the pod spec at run time`,
      };
    }
  }
  return { state: "read", name, sets };
}

function readOne(entry: TomlTable, index: number): PodSpecPatch {
  const name = asString(entry.name) ?? `pod_spec[${index}]`;
  if (asString(entry.patch_path)) {
    return {
      state: "unreadable",
      name,
      reason: `it is read at run time from ${String(entry.patch_path)} on the manager`,
    };
  }
  let patch: unknown;
  try {
    patch = parse(asString(entry.patch) ?? "");
  } catch (error) {
    return {
      state: "unreadable",
      name,
      reason: `it does not parse: ${(error as Error).message.split("\n")[0]}`,
    };
  }
  if (entry.patch_type === "json") {
    return Array.isArray(patch)
      ? jsonPatchSets(name, patch)
      : { state: "unreadable", name, reason: "a json patch must be a list of operations" };
  }
  return { state: "read", name, sets: [asRecord(patch) ?? {}] };
}

/** Every pod_spec patch of a `[runners.kubernetes]` table. */
export function podSpecPatches(kubernetes: TomlTable): PodSpecPatch[] {
  return asArray(kubernetes.pod_spec).map((entry, index) => readOne(asRecord(entry) ?? {}, index));
}
