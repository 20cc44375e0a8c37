import { z } from "zod";
import { closestKey } from "../model/config-toml";
import { ConfigProblem } from "./problems";
import { knownKeysAt } from "./schema-keys";

type Issue = z.core.$ZodIssue;

/** `fleets[1].cache.size` from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`))
    .join("");
}

/**
 * Turns one zod issue into problems (an unknown-keys issue names each key on its own, with the closest known key
 * of that object when one is near).
 */
export function zodIssueToProblem(issue: Issue, namespace: string, schema?: z.ZodType): ConfigProblem[] {
  const at = (path: readonly PropertyKey[]) => `${namespace}:${formatPath(path)}`;
  if (issue.code === "unrecognized_keys") {
    const known = schema ? knownKeysAt(schema, issue.path) : [];
    return issue.keys.map((key) => {
      const guess = closestKey(camelCase(key), known);
      return {
        path: at([...issue.path, key]),
        reason: "unknown key",
        fix: guess
          ? `did you mean ${guess}? Rename it (keys are camelCase)`
          : "remove it or correct its spelling (keys are camelCase; see the README's configuration reference)",
      };
    });
  }
  return [{ path: at(issue.path), ...describe(issue) }];
}

function describe(issue: Issue): { reason: string; fix: string } {
  switch (issue.code) {
    case "invalid_type": {
      const kind = KINDS[issue.expected] ?? `a ${issue.expected}`;
      return isMissing(issue)
        ? { reason: "is required", fix: `set it (${kind})` }
        : { reason: `must be ${kind}`, fix: `write it as ${kind}` };
    }
    case "invalid_value":
      return {
        reason: "has a value that is not allowed",
        fix: `use one of ${issue.values.map(show).join(", ")}`,
      };
    case "invalid_union":
      if (issue.errors.length > 0 && issue.errors.every((branch) => branch.some(isMissing))) {
        return { reason: "is required", fix: "set it" };
      }
      return "options" in issue && Array.isArray(issue.options)
        ? { reason: "has an unknown type", fix: `use one of ${issue.options.map(show).join(", ")}` }
        : { reason: "matches none of the accepted forms", fix: "check the accepted forms in the README" };
    case "too_small":
      return {
        reason: issue.message,
        fix:
          issue.inclusive === false
            ? `use more than ${String(issue.minimum)}`
            : `use at least ${String(issue.minimum)}`,
      };
    case "too_big":
      return {
        reason: issue.message,
        fix:
          issue.inclusive === false
            ? `use less than ${String(issue.maximum)}`
            : `use at most ${String(issue.maximum)}`,
      };
    case "invalid_key":
      return {
        reason: "is not an allowed name here",
        fix: `rename it: ${issue.issues.map((i) => i.message).join("; ")}`,
      };
    case "custom":
      return {
        reason: issue.message,
        fix: String(issue.params?.fix ?? "see the README's configuration reference"),
      };
    default:
      return { reason: issue.message, fix: "correct the value (see the README's configuration reference)" };
  }
}

/** `cpu_limits` → `cpuLimits`, so a TOML-style key finds its camelCase neighbour. */
function camelCase(key: string): string {
  return key.replace(/[_-]([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** How each expected type reads in a stack file. */
const KINDS: Record<string, string> = {
  array: "a list (a YAML sequence such as [a, b])",
  object: "a mapping (key: value lines)",
  number: "a number, without quotes",
  boolean: "true or false, without quotes",
  string: "a string",
};

function isMissing(issue: Issue): boolean {
  return issue.code === "invalid_type" && issue.message.endsWith("received undefined");
}

function show(value: unknown): string {
  return JSON.stringify(value);
}
