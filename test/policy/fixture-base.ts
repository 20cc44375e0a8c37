import { ResourceView } from "../../policy/view";

/** The plumbing of the policy fixtures: URNs, views, and copies with one field changed. */

export const PROJECT = "gitlab-ci-platform";

export function urn(stack: string, type: string, name: string, parentType = ""): string {
  const chain = parentType ? `${parentType}$${type}` : type;
  return `urn:pulumi:${stack}::${PROJECT}::${chain}::${name}`;
}

export function fleetUrn(stack: string, fleet: string): string {
  return urn(stack, "gitlab-ci-platform:runner:RunnerFleet", fleet, "pulumi:pulumi:Stack");
}

export function view(
  type: string,
  name: string,
  props: Record<string, unknown>,
  options: { stack?: string; parent?: string; secretsVisible?: boolean } = {},
): ResourceView {
  const stack = options.stack ?? "prod";
  const parentType = options.parent ? "gitlab-ci-platform:runner:RunnerFleet" : "";
  return {
    type,
    urn: urn(stack, type, name, parentType),
    name,
    stack,
    ...(options.parent ? { parent: options.parent } : {}),
    props,
    secretsVisible: options.secretsVisible ?? true,
  };
}

/** A deep copy with one dotted path set (array indices as numbers: "rules.0.verbs"). */
export function withField<T>(value: T, path: string, field: unknown): T {
  const copy = structuredClone(value) as Record<string, unknown>;
  const keys = path.split(".");
  let target: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    if (typeof target[key] !== "object" || target[key] === null) target[key] = {};
    target = target[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (field === undefined) delete target[last];
  else target[last] = field;
  return copy as T;
}

export function resourceWith(resource: ResourceView, path: string, field: unknown): ResourceView {
  return { ...resource, props: withField(resource.props, path, field) };
}

export const labels = (component: string, fleet = "build") => ({
  "app.kubernetes.io/component": component,
  "app.kubernetes.io/instance": fleet,
  "app.kubernetes.io/part-of": PROJECT,
});
