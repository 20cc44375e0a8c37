import type { z } from "zod";
import { formatPath, type PathSegment, sectionAt } from "./paths";
import { type Problem, unknownKeyProblem } from "./problem";
import type { Section } from "./section";

type Issue = z.core.$ZodIssue;

/** How the problems name a model path: camelCase as is, or translated into TOML keys. */
export type PathNamer = (segments: readonly PathSegment[]) => string;

export const camelCasePath: PathNamer = formatPath;

/**
 * Turns zod issues into problems. `root` is the section the validated value starts at; it is used to suggest
 * a close field name for an unknown key.
 */
export function problemsFromIssues(issues: readonly Issue[], namePath: PathNamer, root?: Section): Problem[] {
  return issues.flatMap((issue) => describeIssue(issue, [], namePath, root));
}

function describeIssue(
  issue: Issue,
  prefix: readonly PathSegment[],
  namePath: PathNamer,
  root?: Section,
): Problem[] {
  const path = [...prefix, ...issue.path.map(toSegment)];
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => unknownField(path, key, namePath, root));
    case "invalid_union": {
      const branch = mostSpecificBranch(issue.errors);
      if (branch) return branch.flatMap((inner) => describeIssue(inner, path, namePath, root));
      return [{ path: namePath(path), ...explain(issue) }];
    }
    case "invalid_key":
      return [
        {
          path: namePath(path),
          message: `key ${JSON.stringify(String(path.at(-1)))} is not allowed`,
          fix: issue.issues[0]?.message,
        },
      ];
    default:
      return [{ path: namePath(path), ...explain(issue) }];
  }
}

function toSegment(key: PropertyKey): PathSegment {
  return typeof key === "number" ? key : String(key);
}

function unknownField(
  path: readonly PathSegment[],
  key: string,
  namePath: PathNamer,
  root?: Section,
): Problem {
  const fields = root ? Object.keys(sectionAt(path, root)?.keys ?? {}) : [];
  return unknownKeyProblem(namePath([...path, key]), key, fields);
}

/** Picks the union member the value was evidently meant for: the one that failed deepest, or not on its type. */
function mostSpecificBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  const deeper = branches.find((issues) => issues.length > 0 && issues.every((i) => i.path.length > 0));
  return (
    deeper ?? branches.find((issues) => issues.length > 0 && issues.every((i) => i.code !== "invalid_type"))
  );
}

function explain(issue: Issue): Omit<Problem, "path"> {
  if ((issue.code === "invalid_type" || issue.code === "invalid_value") && issue.input === undefined) {
    return {
      message: "is required",
      fix: issue.message.startsWith("must ") ? `add it; it ${issue.message}` : "add it",
    };
  }
  if (issue.message.startsWith("must ")) {
    return { message: `${describeValue(issue.input)} is not valid`, fix: issue.message };
  }
  if (issue.code === "invalid_type") {
    return { message: `expected ${article(issue.expected)}, got ${describeValue(issue.input)}` };
  }
  return { message: issue.message };
}

function article(expected: string): string {
  const names: Record<string, string> = {
    object: "a table",
    array: "a list",
    record: "a table",
    int: "an integer",
  };
  return names[expected] ?? `a ${expected}`;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value instanceof Date) return "a date";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object" && value !== null) return "a table";
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
