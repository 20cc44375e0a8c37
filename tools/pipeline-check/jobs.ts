import type { PipelineJob } from "../../model/pipelines";

const RESERVED = new Set([
  "stages",
  "variables",
  "default",
  "include",
  "workflow",
  "image",
  "services",
  "cache",
  "before_script",
  "after_script",
  "spec",
]);

type ImageField = string | { name: string } | undefined;
const imageName = (image: ImageField) => (typeof image === "string" ? image : image?.name);

type EnvironmentField = string | { name?: string; action?: string } | undefined;
const environmentOf = (field: EnvironmentField) =>
  typeof field === "string"
    ? { name: field }
    : field?.name
      ? { name: field.name, action: field.action }
      : undefined;

/** The jobs of an expanded pipeline, as runners choose them: tags, image, services. */
export function expandedJobs(pipeline: Record<string, unknown>): PipelineJob[] {
  return Object.entries(pipeline)
    .filter(
      ([name, value]) => !RESERVED.has(name) && !name.startsWith(".") && typeof value === "object" && value,
    )
    .map(([name, value]) => {
      const job = value as {
        tags?: string[];
        image?: ImageField;
        services?: ImageField[];
        environment?: EnvironmentField;
      };
      return {
        name,
        tags: job.tags ?? [],
        image: imageName(job.image),
        services: (job.services ?? []).flatMap((s) => imageName(s) ?? []),
        environment: environmentOf(job.environment),
      };
    });
}
