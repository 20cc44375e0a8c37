/**
 * The `*_overwrite_allowed` patterns of config.toml, evaluated as the runner does: Go's RE2 syntax, matched
 * anywhere in the value (`regexp.MatchString` in executors/kubernetes/overwrites.go), so only `^…$` bounds it.
 */
export type OverwritePattern =
  | { state: "usable"; source: string; admits(value: string): boolean }
  | { state: "unsupported"; source: string; reason: string };

/** RE2 syntax that JavaScript reads differently or not at all; such a pattern is reported, never guessed. */
const GO_ONLY = [
  { syntax: /\(\?/, what: "flags or named groups (?…)" },
  { syntax: /\\[zAQEpP]/, what: "\\z, \\A, \\Q…\\E or \\p classes" },
  { syntax: /\[:/, what: "POSIX classes [[:…:]]" },
];

export function overwritePattern(source: string): OverwritePattern {
  const goOnly = GO_ONLY.find(({ syntax }) => syntax.test(source));
  if (goOnly) return { state: "unsupported", source, reason: `uses ${goOnly.what}` };
  try {
    const regex = new RegExp(source);
    return { state: "usable", source, admits: (value) => regex.test(value) };
  } catch (error) {
    return { state: "unsupported", source, reason: `does not parse: ${(error as Error).message}` };
  }
}

/** The pattern's top-level alternatives (`a|b` outside groups and classes). */
function branches(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  return [...out, source.slice(start)];
}

function endsWithAnchor(branch: string): boolean {
  if (!branch.endsWith("$")) return false;
  const backslashes = /\\*$/.exec(branch.slice(0, -1))?.[0].length ?? 0;
  return backslashes % 2 === 0;
}

/** Whether every alternative is bound at both ends (`^…$`), so the pattern admits whole values only. */
export function isAnchored(source: string): boolean {
  return branches(source).every((branch) => branch.startsWith("^") && endsWithAnchor(branch));
}
