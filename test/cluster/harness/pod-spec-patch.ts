import { parse as parseYaml } from "yaml";
import { isRecord, KubeObject } from "./objects";
import { Table, text } from "./toml-values";

/** `[[runners.kubernetes.pod_spec]]`: merge and strategic patches (lists of named items merge by name). */
export function applyPodSpecPatches(pod: KubeObject, patches: Table[]): KubeObject {
  for (const patch of patches) {
    const type = text(patch.patch_type) ?? "strategic";
    if (type === "json")
      throw new Error(`pod_spec ${String(patch.name)}: JSON patches are not modelled by the test pod`);
    const body: unknown = parseYaml(String(patch.patch ?? ""));
    pod.spec = mergePatch(pod.spec, body, type === "strategic");
  }
  return pod;
}

function mergePatch(target: unknown, patch: unknown, byName: boolean): unknown {
  if (byName && Array.isArray(target) && Array.isArray(patch) && patch.every(named)) {
    const merged = target.map((item) => {
      const match = named(item) ? patch.find((p) => p.name === item.name) : undefined;
      return match ? mergePatch(item, match, byName) : item;
    });
    const added = patch.filter((p) => !target.some((t) => named(t) && t.name === p.name));
    return [...merged, ...added];
  }
  if (!isRecord(patch)) return patch;
  const result: Table = isRecord(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value, byName);
  }
  return result;
}

function named(value: unknown): value is Table & { name: string } {
  return isRecord(value) && typeof value.name === "string";
}
