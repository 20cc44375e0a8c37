import * as fs from "node:fs";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { synthStack } from "./synth-run";
import { type ExportedResource, type SettingChange, changedResources, rolledWorkloads } from "./footprint";

export interface FootprintRow {
  change: SettingChange;
  changed: string[];
  rolled: string[];
}

/**
 * Synthesizes a copy of a stack once as it is and once per change (each written as Pulumi.<stack>-change-test.yaml,
 * so it is judged by the same profile, and removed afterwards), and lists what each change touches.
 */
export function footprint(root: string, stack: string, changes: SettingChange[]): FootprintRow[] {
  const original = fs.readFileSync(path.join(root, `Pulumi.${stack}.yaml`), "utf8");
  const copy = `${stack}-change-test`;
  const file = path.join(root, `Pulumi.${copy}.yaml`);
  try {
    fs.writeFileSync(file, original);
    const before = exportedResources(root, copy);
    return changes.map((change) => {
      const doc = parse(original) as { config: Record<string, unknown> };
      change.edit(doc.config);
      fs.writeFileSync(file, stringify(doc));
      const after = exportedResources(root, copy);
      return { change, changed: changedResources(before, after), rolled: rolledWorkloads(before, after) };
    });
  } finally {
    fs.rmSync(file, { force: true });
  }
}

function exportedResources(root: string, stack: string): ExportedResource[] {
  return synthStack(root, stack, (out) => {
    const exported = JSON.parse(fs.readFileSync(path.join(out, "stack.json"), "utf8")) as {
      deployment: { resources: ExportedResource[] };
    };
    return exported.deployment.resources;
  }).result;
}
