import { closestKey } from "../../model/problems";

/** One option of a command: a switch, or a flag taking a value (named by `value`, e.g. DIR). */
export interface OptionSpec {
  flag: `--${string}`;
  /** The value's name in the help (`--out DIR`); unset for a switch. */
  value?: string;
  help: string;
}

/** What a command accepts, and what its help says. */
export interface CommandSpec {
  /** How it is run, with its synopsis: `npm run synth -- --stack NAME [--out DIR]`. */
  usage: string[];
  /** What it does, in a sentence or two. */
  description: string;
  options: OptionSpec[];
  /** Arguments that are not options (`FILE.json`), each with its help; more than listed are refused. */
  positionals?: Array<{ name: string; help: string }>;
  /** What to say when more arguments come than `positionals` lists ("one stack export at a time"). */
  tooManyArguments?: string;
  /** `0 …`, `1 …`, `2 …`: what each exit status means. */
  exitCodes: string[];
}

/** Bad usage: the message names the argument and what to do; the command prints it with its usage, exit 2. */
export class UsageError extends Error {}

export interface ParsedArgs {
  /** True when `--help` or `-h` was given: print `helpText` and exit 0. */
  help: boolean;
  /** Each option given: its value, or true for a switch. */
  options: Map<string, string | true>;
  positionals: string[];
}

/**
 * Parses argv against the spec. Refuses an unknown option (with the closest one), an option given twice, a flag
 * without its value and an argument too many, each as a UsageError naming it.
 */
export function parseArgs(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = { help: false, options: new Map(), positionals: [] };
  const byFlag = new Map(spec.options.map((o) => [o.flag, o]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") {
      parsed.help = true;
      continue;
    }
    if (!arg.startsWith("-") || arg === "-") {
      parsed.positionals.push(arg);
      continue;
    }
    const [flag, inline] = splitInline(arg);
    const option = byFlag.get(flag as OptionSpec["flag"]);
    if (!option) throw new UsageError(unknownOption(flag, spec));
    if (parsed.options.has(flag)) throw new UsageError(`${flag} is given twice: give it once`);
    if (option.value === undefined) {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value (got "${inline}")`);
      parsed.options.set(flag, true);
      continue;
    }
    const value = inline ?? argv[i + 1];
    if (value === undefined || (inline === undefined && value.startsWith("-") && value !== "-"))
      throw new UsageError(`${flag} needs a value: ${flag} ${option.value}`);
    if (inline === undefined) i++;
    parsed.options.set(flag, value);
  }
  if (parsed.help) return parsed;
  const allowed = spec.positionals?.length ?? 0;
  if (parsed.positionals.length > allowed) {
    const extra = parsed.positionals[allowed];
    const given = parsed.positionals.map((p) => `"${p}"`).join(", ");
    throw new UsageError(
      allowed === 0
        ? `unexpected argument "${extra}": this command takes options only`
        : `${spec.tooManyArguments ?? "too many arguments"} (got ${given})`,
    );
  }
  return parsed;
}

function splitInline(arg: string): [string, string | undefined] {
  const eq = arg.indexOf("=");
  return eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
}

function unknownOption(flag: string, spec: CommandSpec): string {
  const guess = closestKey(
    flag,
    spec.options.map((o) => o.flag),
  );
  return guess
    ? `unknown option ${flag}: did you mean ${guess}?`
    : `unknown option ${flag}: run with --help for the options`;
}

/** The text `--help` prints: usage, what it does, arguments, options and exit statuses. */
export function helpText(spec: CommandSpec): string {
  const rows = (items: Array<[string, string]>) => {
    const width = Math.max(...items.map(([name]) => name.length));
    return items.map(([name, help]) => `  ${name.padEnd(width)}  ${help}`);
  };
  const lines = [...spec.usage.map((u, i) => `${i === 0 ? "usage: " : "       "}${u}`), "", spec.description];
  if (spec.positionals?.length)
    lines.push("", "arguments:", ...rows(spec.positionals.map((p) => [p.name, p.help])));
  lines.push(
    "",
    "options:",
    ...rows([
      ...spec.options.map((o): [string, string] => [o.value ? `${o.flag} ${o.value}` : o.flag, o.help]),
      ["--help, -h", "print this help and exit"],
    ]),
  );
  lines.push("", "exit status:", ...spec.exitCodes.map((c) => `  ${c}`));
  return lines.join("\n") + "\n";
}

/** The short form printed with a usage error: the usage lines and where the help is. */
export function usageText(spec: CommandSpec): string {
  return `${spec.usage.map((u, i) => `${i === 0 ? "usage: " : "       "}${u}`).join("\n")}\n(--help for every option)\n`;
}

/** A string option's value, if given. */
export function stringOption(parsed: ParsedArgs, flag: string): string | undefined {
  const value = parsed.options.get(flag);
  return typeof value === "string" ? value : undefined;
}
