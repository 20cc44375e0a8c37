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

/** The component's variable that names the agent's kubecontext, and GitLab Auto DevOps' own. */
const CONTEXT_VARIABLES = ["DEPLOY_AGENT_CONTEXT", "KUBE_CONTEXT"];
const USE_CONTEXT = /kubectl\s+config\s+use-context\s+["']?([^\s"'$]+)/;

/** The kubecontext a job selects: by the variables that name it, or `kubectl config use-context` in its script. */
function kubeContextOf(job: { variables?: Record<string, unknown>; script?: unknown }): string | undefined {
  for (const key of CONTEXT_VARIABLES) {
    const value = job.variables?.[key];
    const text = typeof value === "object" && value !== null ? (value as { value?: unknown }).value : value;
    if (typeof text === "string" && text !== "") return text;
  }
  const script = Array.isArray(job.script) ? job.script.map(String).join("\n") : String(job.script ?? "");
  return USE_CONTEXT.exec(script)?.[1];
}

/** What a pipeline's `default:` gives jobs that gitlab-ci-local's expansion leaves out (it merges image and services). */
export interface JobDefaults {
  tags?: string[];
}

/** The `default:` keywords of a pipeline file the expansion does not carry into its jobs. */
export function jobDefaults(pipeline: Record<string, unknown>): JobDefaults {
  const tags = (pipeline.default as { tags?: unknown } | undefined)?.tags;
  return Array.isArray(tags) ? { tags: tags.map(String) } : {};
}

type InheritField = { default?: boolean | string[] } | undefined;

/** Whether a job takes `keyword` from `default:` (GitLab's `inherit: default: false | [keywords]`). */
function inheritsDefault(inherit: InheritField, keyword: string): boolean {
  const from = inherit?.default;
  return from === undefined || from === true || (Array.isArray(from) && from.includes(keyword));
}

/**
 * The jobs of an expanded pipeline, as runners choose them: tags, image, services. A job without tags takes the
 * pipeline's `default: tags` unless it declines it with `inherit`.
 */
export function expandedJobs(pipeline: Record<string, unknown>, defaults: JobDefaults = {}): PipelineJob[] {
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
        inherit?: InheritField;
        variables?: Record<string, unknown>;
        script?: unknown;
      };
      const defaultTags = inheritsDefault(job.inherit, "tags") ? defaults.tags : undefined;
      return {
        name,
        tags: job.tags ?? defaultTags ?? [],
        image: imageName(job.image),
        services: (job.services ?? []).flatMap((s) => imageName(s) ?? []),
        environment: environmentOf(job.environment),
        kubeContext: kubeContextOf(job),
      };
    });
}
