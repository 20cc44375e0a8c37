import * as fs from "node:fs";
import * as path from "node:path";
import { ConfigValidationError } from "../../config";
import { ProblemsError, formatProblem } from "../../model/problems";
import { AnalysisInputError } from "../../policy/analyze";
import type { PolicyConfigFile } from "../../policy/pack-config";
import { policyGate } from "../policy/gate";
import { StackFileError } from "./project-files";
import type { MissingSecret } from "./stack-config";
import { synthesize } from "./synth";

/** What `npm run synth` was asked to do. */
export interface SynthArgs {
  stack: string;
  out?: string;
  /** Run the policy pack over the result; a mandatory violation exits 3. */
  policy: boolean;
  policyConfig?: string;
}

/** Written into every output folder; only a folder that has it (or an empty one) is ever replaced. */
const MARKER = ".gitlab-ci-platform-synth";

class OutputFolderError extends Error {}

function writeFiles(outDir: string, files: Map<string, string>): void {
  if (fs.existsSync(outDir) && !fs.statSync(outDir).isDirectory()) {
    throw new OutputFolderError(`--out ${outDir} is a file: name a folder (new, empty, or one synth wrote)`);
  }
  const existing = fs.existsSync(outDir) ? fs.readdirSync(outDir) : [];
  if (existing.length > 0 && !existing.includes(MARKER)) {
    throw new OutputFolderError(
      `${outDir} is not empty and was not written by synth: refusing to replace it — pick an empty or new --out folder`,
    );
  }
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, MARKER), "Written by `npm run synth`; replaced on every run.\n");
  for (const [file, content] of files) {
    const target = path.join(outDir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
}

/** Renders the stack into its folder and reports; returns the exit status (see the command's help). */
export async function runSynth(root: string, args: SynthArgs): Promise<number> {
  const outDir = path.resolve(args.out ?? path.join(root, "out", args.stack));
  try {
    const result = await synthesize(root, args.stack);
    writeFiles(outDir, result.files);
    // The program's own warnings are already on the console, as `pulumi up` shows them.
    for (const warning of result.warnings.filter((w) => !result.run.warnings.includes(w))) {
      console.warn(`warning: ${warning}`);
    }
    console.log(
      `synth: stack ${args.stack}: ${result.run.resources.length} resources, ${result.files.size} files in ${path.relative(process.cwd(), outDir) || "."}`,
    );
    reportMissingSecrets(args.stack, result.missingSecrets);
    return args.policy ? checkPolicy(args, result.files, outDir) : 0;
  } catch (err) {
    if (err instanceof AnalysisInputError) {
      console.error(`synth: --policy: ${err.message}`);
      return 2;
    }
    const problemsError = findProblemsError(err);
    if (problemsError instanceof ConfigValidationError) {
      console.error(`synth: stack ${args.stack}: invalid configuration`);
      for (const problem of problemsError.problems) console.error(`  ${formatProblem(problem)}`);
      return 2;
    }
    if (problemsError) {
      // Other input the program checks before declaring anything (the template folder it publishes).
      console.error(`synth: stack ${args.stack}: ${problemsError.message}`);
      return 2;
    }
    if (err instanceof StackFileError || err instanceof OutputFolderError) {
      console.error(`synth: ${err.message}`);
      return 2;
    }
    throw err;
  }
}

/** Secrets synth stood in for: the stack cannot run `pulumi up` until they are set. */
function reportMissingSecrets(stack: string, missing: MissingSecret[]): void {
  if (missing.length === 0) return;
  console.log(
    `synth: before \`pulumi up --stack ${stack}\`, set the ${missing.length} secret(s) the stack file does not hold:`,
  );
  for (const m of missing) console.log(`  ${m.path} (${m.because}): ${m.command}`);
}

/** Runs the policy pack over the synthesized stack.json; writes policy.md beside it. Exit 3 on a mandatory violation. */
function checkPolicy(args: SynthArgs, files: Map<string, string>, outDir: string): number {
  const config = args.policyConfig ? readPolicyConfig(args.policyConfig) : undefined;
  const gate = policyGate(JSON.parse(files.get("stack.json")!), { config });
  fs.writeFileSync(path.join(outDir, "policy.md"), gate.markdown);
  console.log(gate.text);
  return gate.exitCode;
}

function readPolicyConfig(file: string): PolicyConfigFile {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as PolicyConfigFile;
  } catch (err) {
    throw new AnalysisInputError(`cannot read the policy config ${file}: ${(err as Error).message}`);
  }
}

/** The program's validation error, possibly wrapped by the runtime's error handling. */
function findProblemsError(err: unknown): ProblemsError | undefined {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    if (e instanceof ProblemsError) return e;
  }
  return undefined;
}
