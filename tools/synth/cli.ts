import {
  type CommandSpec,
  type ParsedArgs,
  UsageError,
  helpText,
  parseArgs,
  stringOption,
  usageText,
} from "../cli/args";
import { findProjectRoot } from "./project-files";
import type { SynthArgs } from "./run";

const SPEC: CommandSpec = {
  usage: ["npm run synth -- --stack NAME [--out DIR] [--policy [--policy-config FILE.json]]"],
  description: [
    "Renders a stack offline (no Pulumi CLI, cloud or credentials) from Pulumi.NAME.yaml: stack.json (as",
    "`pulumi stack export`, secrets redacted), k8s/ (one object a file), runner/<fleet>.config.toml and summary.md.",
    "Lists the secrets the stack file does not hold yet; synth renders placeholders in their place.",
  ].join("\n"),
  options: [
    { flag: "--stack", value: "NAME", help: "the stack to render: Pulumi.NAME.yaml (required)" },
    {
      flag: "--out",
      value: "DIR",
      help: "the folder to write (default out/NAME); replaced only if synth wrote it",
    },
    { flag: "--policy", help: "run the policy pack over the result; policy.md is written beside stack.json" },
    { flag: "--policy-config", value: "FILE.json", help: "the pack's configuration (with --policy)" },
  ],
  exitCodes: [
    "0  rendered (with --policy: no mandatory violation)",
    "1  an unexpected error (a bug: the output says where)",
    "2  bad usage, an invalid stack file or configuration (every problem with its key path), or an --out synth may not write",
    "3  with --policy: a mandatory policy violation",
  ],
};

function toArgs(parsed: ParsedArgs): SynthArgs {
  const stack = stringOption(parsed, "--stack");
  if (!stack) throw new UsageError("--stack is required: --stack NAME renders Pulumi.NAME.yaml");
  const policyConfig = stringOption(parsed, "--policy-config");
  const policy = parsed.options.has("--policy");
  if (policyConfig && !policy) throw new UsageError("--policy-config needs --policy");
  return { stack, out: stringOption(parsed, "--out"), policy, policyConfig };
}

async function main(): Promise<number> {
  const root = findProjectRoot(__dirname);
  let args: SynthArgs;
  try {
    const parsed = parseArgs(SPEC, process.argv.slice(2));
    if (parsed.help) {
      process.stdout.write(helpText(SPEC));
      return 0;
    }
    args = toArgs(parsed);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`synth: ${err.message}\n${usageText(SPEC)}`);
    return 2;
  }
  // Loaded once the arguments are good: the help and a usage error answer without loading the program.
  const { runSynth } = await import("./run");
  return runSynth(root, args);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
