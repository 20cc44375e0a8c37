import * as fs from "node:fs";
import * as path from "node:path";
import { ConfigValidationError } from "../../config";
import { formatProblem } from "../../model/problems";
import { StackFileError } from "./project-files";
import { synthesize } from "./synth";

const USAGE = "usage: npm run synth -- --stack <name> [--out DIR]";

interface Args {
  stack: string;
  out?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Partial<Args> = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if ((flag === "--stack" || flag === "--out") && value && !value.startsWith("--")) {
      args[flag === "--stack" ? "stack" : "out"] = value;
      i++;
    } else {
      throw new UsageError(`unexpected argument ${JSON.stringify(flag)}`);
    }
  }
  if (!args.stack) throw new UsageError("--stack is required");
  return args as Args;
}

class UsageError extends Error {}

/** Written into every output folder; only a folder that has it (or an empty one) is ever replaced. */
const MARKER = ".gitlab-ci-platform-synth";

class OutputFolderError extends Error {}

function writeFiles(outDir: string, files: Map<string, string>): void {
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

async function main(): Promise<number> {
  const root = projectRoot(__dirname);
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const outDir = path.resolve(args.out ?? path.join(root, "out", args.stack));
  try {
    const result = await synthesize(root, args.stack);
    writeFiles(outDir, result.files);
    for (const warning of result.warnings) console.warn(`warning: ${warning}`);
    console.log(
      `synth: stack ${args.stack}: ${result.run.resources.length} resources, ${result.files.size} files in ${path.relative(process.cwd(), outDir) || "."}`,
    );
    return 0;
  } catch (err) {
    const configError = findConfigError(err);
    if (configError) {
      console.error(`synth: stack ${args.stack}: invalid configuration`);
      for (const problem of configError.problems) console.error(`  ${formatProblem(problem)}`);
      return 2;
    }
    if (err instanceof StackFileError || err instanceof OutputFolderError) {
      console.error(`synth: ${err.message}`);
      return 2;
    }
    throw err;
  }
}

/** The nearest folder holding Pulumi.yaml, from this module upwards (the repository, also when precompiled). */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "Pulumi.yaml"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no Pulumi.yaml above ${from}`);
  }
}

/** The program's validation error, possibly wrapped by the runtime's error handling. */
function findConfigError(err: unknown): ConfigValidationError | undefined {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    if (e instanceof ConfigValidationError) return e;
  }
  return undefined;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
