import type { z } from "zod";
import { closestKey } from "./closest-key";
import { formatPath, joinPath, type PathSegment } from "./path";
import type { Problem } from "./problem";

type Issue = z.core.$ZodIssue;

/** How a path of model fields is named in problems: camelCase as is, or translated (TOML keys, chart keys). */
export type PathNamer = (segments: readonly PathSegment[]) => string;

export interface ZodProblemOptions {
  /** Put before every path: `gitlab-ci-platform:` for stack keys, `fleets[2].kubernetes` for embedded settings. */
  prefix?: string;
  /** Names a path; camelCase segments by default. */
  namePath?: PathNamer;
  /** The keys an object accepts at a (model) path, to suggest one for a misspelled key. */
  knownKeys?: (segments: readonly PathSegment[]) => readonly string[];
}

/**
 * The one translation of zod issues into problems, for the stack file, the config.toml model and the importers.
 * A union is reported through the member the value was evidently meant for; an unknown key names each key on its
 * own, with the closest known key when one is near.
 */
export function problemsFromZod(issues: readonly Issue[], options: ZodProblemOptions = {}): Problem[] {
  const at = (segments: readonly PathSegment[]) =>
    joinPath(options.prefix ?? "", (options.namePath ?? formatPath)(segments));
  return issues.flatMap((issue) => describeIssue(issue, [], at, options));
}

function describeIssue(
  issue: Issue,
  prefix: readonly PathSegment[],
  at: (segments: readonly PathSegment[]) => string,
  options: ZodProblemOptions,
): Problem[] {
  const path = [...prefix, ...issue.path.map(toSegment)];
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => unknownKey(at([...path, key]), key, options.knownKeys?.(path) ?? []));
    case "invalid_union": {
      const branch = mostSpecificBranch(issue.errors);
      if (branch) return branch.flatMap((inner) => describeIssue(inner, path, at, options));
      return [{ path: at(path), ...explainUnion(issue) }];
    }
    case "invalid_key":
      return [
        {
          path: at(path),
          reason: `key ${JSON.stringify(String(path.at(-1)))} is not allowed`,
          fix: `rename it: ${issue.issues.map((inner) => inner.message).join("; ")}`,
        },
      ];
    case "invalid_type":
    case "too_big":
    case "too_small":
    case "invalid_format":
    case "not_multiple_of":
    case "invalid_element":
    case "invalid_value":
    case "custom":
      return [{ path: at(path), ...explain(issue) }];
    default: {
      const unhandled: never = issue;
      return unhandled;
    }
  }
}

/** A problem for a key nothing accepts here, suggesting the closest known key (camelCase or not). */
export function unknownKey(
  path: string,
  key: string,
  candidates: readonly string[],
  otherwise = "remove it or correct its spelling",
): Problem {
  const suggestion = closestKey(camelCase(key), candidates) ?? closestKey(key, candidates);
  return {
    path,
    reason: `unknown key "${key}"`,
    fix: suggestion ? `did you mean ${suggestion}?` : otherwise,
  };
}

function toSegment(key: PropertyKey): PathSegment {
  return typeof key === "number" ? key : String(key);
}

/** Picks the union member the value was evidently meant for: the one that failed deepest, or not on its type. */
function mostSpecificBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  const deeper = branches.find((issues) => issues.length > 0 && issues.every((i) => i.path.length > 0));
  return (
    deeper ?? branches.find((issues) => issues.length > 0 && issues.every((i) => i.code !== "invalid_type"))
  );
}

function explainUnion(issue: Extract<Issue, { code: "invalid_union" }>): Omit<Problem, "path"> {
  if (issue.input === undefined) return { reason: "is required", fix: "add it" };
  if ("options" in issue && Array.isArray(issue.options)) {
    return { reason: "has an unknown type", fix: `use one of ${issue.options.map(show).join(", ")}` };
  }
  return {
    reason: `${describeValue(issue.input)} matches none of the accepted forms`,
    fix: "see the accepted forms in docs/configuration.md",
  };
}

function explain(issue: Issue): Omit<Problem, "path"> {
  const fix = customFix(issue);
  if ((issue.code === "invalid_type" || issue.code === "invalid_value") && issue.input === undefined) {
    return {
      reason: "is required",
      fix: issue.message.startsWith("must ") ? `add it; it ${issue.message}` : "add it",
    };
  }
  if (issue.code === "invalid_value") {
    return {
      reason: `${describeValue(issue.input)} is not allowed`,
      fix: `use one of ${issue.values.map(show).join(", ")}`,
    };
  }
  if (issue.message.startsWith("must ")) {
    return { reason: `${describeValue(issue.input)} is not valid`, fix: fix ?? issue.message };
  }
  if (issue.code === "invalid_type") {
    const kind = KINDS[issue.expected] ?? `a ${issue.expected}`;
    return { reason: `expected ${kind}, got ${describeValue(issue.input)}`, fix: `write it as ${kind}` };
  }
  if (issue.code === "too_small" || issue.code === "too_big") {
    return { reason: `${describeValue(issue.input)} is not valid`, fix: bound(issue) };
  }
  return fix ? { reason: issue.message, fix } : { reason: issue.message };
}

/** A fix given with a refinement: `refine(check, { message, params: { fix } })`. */
function customFix(issue: Issue): string | undefined {
  return issue.code === "custom" && typeof issue.params?.fix === "string" ? issue.params.fix : undefined;
}

function bound(issue: Extract<Issue, { code: "too_small" | "too_big" }>): string {
  const small = issue.code === "too_small";
  const limit = String(small ? issue.minimum : issue.maximum);
  const what =
    issue.origin === "array"
      ? ` item${limit === "1" ? "" : "s"}`
      : issue.origin === "string"
        ? ` character${limit === "1" ? "" : "s"}`
        : "";
  if (issue.inclusive === false) return `must be ${small ? "more" : "less"} than ${limit}${what}`;
  return `must be at ${small ? "least" : "most"} ${limit}${what}`;
}

/** How each expected type reads in a configuration file. */
const KINDS: Record<string, string> = {
  array: "a list",
  object: "a table",
  record: "a table",
  number: "a number",
  int: "an integer",
  boolean: "a boolean (true or false)",
  string: "a string",
};

/** `cpu_limits` → `cpuLimits`, so a TOML-style key finds its camelCase neighbour. */
function camelCase(key: string): string {
  return key.replace(/[_-]([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

function show(value: unknown): string {
  return JSON.stringify(value);
}

export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value instanceof Date) return "a date";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object" && value !== null) return "a table";
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
