import type { z } from "zod";
import { CONFIG_SECTION, type RunnerConfig, runnerConfigSchema } from "./global";
import { KUBERNETES_SECTION, type KubernetesSettings, kubernetesSettingsSchema } from "./kubernetes";
import { type PathSegment, type Problem, problemsFromZod } from "../problems";
import { sectionAt } from "./paths";
import type { Section } from "./section";

export interface ValidationResult<T> {
  value?: T;
  problems: Problem[];
}

/**
 * Validates a value against a model schema. Problems name camelCase paths such as
 * `kubernetes.volumes.pvc[0].mountPath`, under `prefix`; with the schema's section, an unknown key comes
 * with the closest known field as a suggestion.
 */
export function validateModel<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix = "",
  section?: Section,
): ValidationResult<z.infer<S>> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { value: result.data, problems: [] };
  const knownKeys =
    section && ((path: readonly PathSegment[]) => Object.keys(sectionAt(path, section)?.keys ?? {}));
  return { problems: problemsFromZod(result.error.issues, { prefix, knownKeys }) };
}

/** For a stack configuration that embeds the Kubernetes settings, e.g. under `fleets[0].kubernetes`. */
export function validateKubernetesSettings(
  value: unknown,
  prefix = "kubernetes",
): ValidationResult<KubernetesSettings> {
  return validateModel(kubernetesSettingsSchema, value, prefix, KUBERNETES_SECTION);
}

export function validateRunnerConfig(value: unknown): ValidationResult<RunnerConfig> {
  return validateModel(runnerConfigSchema, value, "", CONFIG_SECTION);
}
