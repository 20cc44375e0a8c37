import { Fence } from "./markdown";

/**
 * What a shell block's HTML comment says about who runs it:
 * - no comment: `npm run test:docs` runs it (test/docs/run-commands.docs.ts);
 * - `<!-- run by: test/…/x.test.ts "test name" -->`: that test runs its equivalent;
 * - `<!-- run by: .ci/run -->`: CI runs each of its commands as written;
 * - `<!-- needs: what -->`: it needs what no test has (real credentials, a cloud account, the network).
 */
export type Directive =
  | { kind: "run" }
  | { kind: "test"; file: string; title: string }
  | { kind: "ci" }
  | { kind: "needs"; what: string };

export class DirectiveError extends Error {}

export function directiveOf(fence: Fence): Directive {
  const comment = fence.comment;
  if (comment === undefined) return { kind: "run" };
  const test = /^run by: (test\/\S+\.ts) "(.+)"$/.exec(comment);
  if (test) return { kind: "test", file: test[1], title: test[2] };
  if (comment === "run by: .ci/run") return { kind: "ci" };
  const needs = /^needs: (.+)$/.exec(comment);
  if (needs) return { kind: "needs", what: needs[1] };
  throw new DirectiveError(
    `${fence.file}:${fence.line}: "<!-- ${comment} -->" above a shell block — write ` +
      `<!-- run by: test/<file>.test.ts "<test name>" -->, <!-- run by: .ci/run --> or <!-- needs: <what> -->, ` +
      "or remove it to have npm run test:docs run the block",
  );
}

/** A trailing ` # comment`, outside quotes. */
function withoutComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(line[i - 1]))) return line.slice(0, i).trimEnd();
  }
  return line.trimEnd();
}

/** The commands of a script block: continuation lines joined, comments and blank lines dropped. */
function scriptCommands(body: string): string[] {
  const joined = body.replace(/\\\n\s*/g, " ");
  return joined
    .split("\n")
    .map(withoutComment)
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

/** One command of a terminal session and the output shown below it. */
export interface ConsoleStep {
  command: string;
  output: string[];
}

/** A console block: `$ command` lines, each followed by the lines of output it shows. */
export function consoleSteps(body: string): ConsoleStep[] {
  const steps: ConsoleStep[] = [];
  for (const line of body.split("\n")) {
    if (line.startsWith("$ ")) steps.push({ command: line.slice(2).trim(), output: [] });
    else if (steps.length > 0) steps[steps.length - 1].output.push(line);
  }
  return steps;
}

/** The commands a shell block runs, one entry per command line. */
export function commandsOf(fence: Fence): string[] {
  if (fence.lang === "console") return consoleSteps(fence.body).map((s) => withoutComment(s.command));
  return scriptCommands(fence.body);
}

/** Flags that change only how much a command prints. */
const QUIET_FLAGS = new Set(["--silent", "--no-audit", "--no-fund"]);

/** A command as CI would run it: without leading VAR=value assignments and output-only flags. */
export function normalizedCommand(command: string): string {
  const words = command.trim().split(/\s+/);
  while (words.length > 0 && /^[A-Z_][A-Z0-9_]*=\S*$/.test(words[0])) words.shift();
  return words.filter((w) => !QUIET_FLAGS.has(w)).join(" ");
}

/**
 * Commands that need what no test here has. A `needs:` block holds only these, and `cd`: anything else could run,
 * so it belongs in a block a test runs.
 */
export const OUTSIDE_WORLD: readonly { command: RegExp; needs: string }[] = [
  {
    command: /^pulumi (up|preview|refresh|destroy)\b/,
    needs: "the GitLab, cluster and cloud account the stack names",
  },
  { command: /^pulumi login( |$)(?!.*(--local|file:))/, needs: "a Pulumi Cloud account" },
  { command: /^pulumi policy publish\b/, needs: "a Pulumi Cloud organization" },
  { command: /^pulumi plugin install\b/, needs: "the plugin's download" },
  { command: /^go install /, needs: "the network" },
  { command: /^aliyun /, needs: "an Alibaba Cloud account" },
  { command: /^curl .*https:\/\//, needs: "the network" },
  { command: /^(commit=\$\()?git (log|tag) /, needs: "a clone of another repository" },
  { command: /^KUBEBUILDER_ASSETS="\$\(setup-envtest /, needs: "setup-envtest and the network" },
];

export const needsOutsideWorld = (command: string): boolean =>
  /^cd\b/.test(command) || OUTSIDE_WORLD.some((o) => o.command.test(command));

/** A stack-file fragment the reader adds (`<!-- add to: Pulumi.dev.yaml -->` above a yaml block): the file it goes into. */
export function stackEditOf(fence: Fence): string | undefined {
  if (fence.lang !== "yaml" || fence.comment === undefined) return undefined;
  return /^add to: (Pulumi\.[\w.-]+\.yaml)$/.exec(fence.comment)?.[1];
}
