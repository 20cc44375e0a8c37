import { PipelineInputError } from "./errors";

type Include = string | Record<string, unknown>;

/**
 * Includes the check cannot expand offline: a component of another project than the one the stack publishes
 * (or any, when it publishes none), and remote, project and template includes (they are fetched from a GitLab).
 * Refused before anything runs, so the check never reaches for the network.
 */
export function refuseOnlineIncludes(pipeline: Record<string, unknown>, componentProject?: string): void {
  const reasons = includesOf(pipeline).flatMap((include): string[] => {
    if (typeof include === "string")
      return /^https?:\/\//.test(include) ? [`${include}: a remote include is fetched from the network`] : [];
    const component = include.component;
    if (typeof component === "string") {
      if (componentProject === undefined)
        return [
          `${component}: the stack publishes no CI/CD components (pipelineComponents is not set), so its templates/ cannot stand in`,
        ];
      return component.includes(`/${componentProject}/`)
        ? []
        : [`${component}: not a component of ${componentProject}, the project the stack publishes to`];
    }
    const online = ["remote", "project", "template"].find((kind) => include[kind] !== undefined);
    return online ? [`include: ${online}: ${String(include[online])} is fetched from a GitLab`] : [];
  });
  if (reasons.length > 0)
    throw new PipelineInputError(
      `the pipeline includes what this check cannot expand offline:\n  ${reasons.join("\n  ")}\n` +
        "check against the stack whose pipelineComponents.project the components come from, or include local files",
    );
}

function includesOf(pipeline: Record<string, unknown>): Include[] {
  const include = pipeline.include;
  if (include === undefined || include === null) return [];
  return (Array.isArray(include) ? include : [include]).filter(
    (i): i is Include => typeof i === "string" || (typeof i === "object" && i !== null),
  );
}
