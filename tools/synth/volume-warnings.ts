import { parseConfigToml } from "../../model/config-toml";
import { externalVolumeWarnings } from "../../model/fleet";
import type { K8sObject } from "./k8s-files";

/** Each fleet's job volumes that name an object the synthesized stack does not hold, read from its config.toml. */
export function externalVolumeWarningsOf(objects: K8sObject[], runnerConfigs: Map<string, string>): string[] {
  return [...runnerConfigs.entries()].flatMap(([file, toml]) => {
    const fleet = file.replace(/^runner\//, "").replace(/\.config\.toml$/, "");
    const runner = parseConfigToml(toml).config?.runners?.[0];
    const namespace = runner?.kubernetes?.namespace;
    if (!runner || !namespace) return [];
    const exists = (kind: string, name: string) =>
      objects.some((o) => o.kind === kind && o.metadata.name === name && o.metadata.namespace === namespace);
    return externalVolumeWarnings(fleet, namespace, runner.kubernetes?.volumes, exists);
  });
}
