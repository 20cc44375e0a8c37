import type { Environment } from "../environment";
import type { Problem } from "../problems";

/** Who owns a CI/CD variable: a group by its full path, or a project by its path with namespace. */
export type VariableOwner = { kind: "group"; path: string } | { kind: "project"; path: string };

export type VariableType = "env_var" | "file";

/** One CI/CD variable in GitLab's terms, as the platform creates it. */
export interface VariableSpec {
  owner: VariableOwner;
  key: string;
  /** Hide the value in job logs. */
  masked: boolean;
  /** Also hide it in the UI (GitLab 17.4+); needs masked. */
  hidden: boolean;
  /** Only pipelines of protected branches and tags receive it. */
  protected: boolean;
  variableType: VariableType;
  /** GitLab environment scope: `*`, an environment name, or a wildcard such as `review/*`. */
  environmentScope: string;
  /** Taken literally, without `$VAR` expansion. */
  raw: boolean;
  description?: string;
  /** The value comes from a Pulumi secret: it is a credential and must be masked and protected. */
  credential: boolean;
  /** A kubeconfig spans lines and cannot be masked: it must be a protected file variable of one environment. */
  kubeconfig?: boolean;
}

/** GitLab's key format: letters, digits and underscores, 1 to 255 characters. */
export const VARIABLE_KEY = /^[A-Za-z0-9_]{1,255}$/;
/** GitLab's shortest maskable value. */
export const MIN_MASKED_LENGTH = 8;
/** Characters an expanded masked value may hold (GitLab 18): the Base64 alphabet (RFC 4648, both forms) and @ : . ~ */
const MASKABLE_EXPANDED = /^[A-Za-z0-9+/=_\-@:.~]+$/;

/** Why GitLab would refuse to mask this value (empty when it can be masked). */
export function maskingProblems(value: string, raw: boolean): string[] {
  const reasons: string[] = [];
  if (/[\r\n]/.test(value)) reasons.push("spans several lines");
  else if (/\s/.test(value)) reasons.push("contains whitespace");
  if (value.length < MIN_MASKED_LENGTH) reasons.push(`is shorter than ${MIN_MASKED_LENGTH} characters`);
  if (!raw && !/\s/.test(value) && !MASKABLE_EXPANDED.test(value)) {
    const bad = [...new Set(value.replace(/[A-Za-z0-9+/=_\-@:.~]/g, ""))].join(" ");
    reasons.push(`contains characters GitLab cannot mask in an expanded variable (${bad})`);
  }
  return reasons;
}

export function ownerLabel(owner: VariableOwner): string {
  return `${owner.kind} ${owner.path}`;
}

/** What a variable is written to: GitLab keeps one per owner, key and environment scope. */
export function variableIdentity(v: VariableSpec): string {
  return `${ownerLabel(v.owner)}:${v.key}:${v.environmentScope}`;
}

export interface VariableChecks {
  errors: Problem[];
  warnings: Problem[];
}

/**
 * GitLab's and the platform's rules for a set of variables, each with where it was declared: the key format,
 * hidden needing masked, one variable per owner, key and scope, and credentials masked and protected (an error
 * in prod, a warning in dev). `value` is the plaintext where it is known, to check it can be masked; `valuePath`
 * names where it comes from when that is not `<path>.value`.
 */
export function checkVariables(
  declared: ReadonlyArray<{ path: string; spec: VariableSpec; value?: string; valuePath?: string }>,
  environment: Environment,
): VariableChecks {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const firstAt = new Map<string, string>();
  for (const { path, spec, value, valuePath } of declared) {
    if (!VARIABLE_KEY.test(spec.key)) {
      errors.push({
        path: `${path}.key`,
        reason: `"${spec.key}" is not a key GitLab accepts`,
        fix: "use 1 to 255 letters, digits and underscores, e.g. REGISTRY_PASSWORD",
      });
    }
    if (spec.hidden && !spec.masked) {
      errors.push({ path: `${path}.hidden`, reason: "hidden needs masked", fix: "set masked: true too" });
    }
    if (spec.masked && value !== undefined) {
      const reasons = maskingProblems(value, spec.raw);
      if (reasons.length > 0) {
        errors.push({
          path: valuePath ?? `${path}.value`,
          reason: `cannot be masked: it ${reasons.join(", ")}`,
          fix: "use a value GitLab can mask (one line, 8+ characters, Base64 alphabet and @ : . ~ unless raw: true), or set masked: false if it is no credential",
        });
      }
    }
    const identity = variableIdentity(spec);
    const first = firstAt.get(identity);
    if (first === undefined) firstAt.set(identity, path);
    else {
      errors.push({
        path,
        reason: `writes ${spec.key} (scope ${spec.environmentScope}) of ${ownerLabel(spec.owner)}, as ${first} does`,
        fix: "keep one of them, or give each its own environmentScope",
      });
    }
    const exposed = credentialExposure(spec);
    if (exposed) (environment === "prod" ? errors : warnings).push({ path, ...exposed });
  }
  return { errors, warnings };
}

function credentialExposure(spec: VariableSpec): Omit<Problem, "path"> | undefined {
  if (!spec.credential) return undefined;
  const missing = [!spec.masked && !spec.kubeconfig && "masked", !spec.protected && "protected"].filter(
    Boolean,
  );
  if (missing.length === 0) return undefined;
  return {
    reason: `${spec.key} holds a credential but is not ${missing.join(" and ")}`,
    fix: `set ${missing.map((m) => `${String(m)}: true`).join(" and ")}${spec.masked ? "" : " (and hidden: true)"}`,
  };
}
