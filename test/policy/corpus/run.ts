// Synthesizes every variant of the corpus in this one process and writes what the pack found to the file named by
// the first argument. The program runs under Pulumi's mock runtime, reloaded for each stack, as synth runs it.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse, stringify } from "yaml";
import { analyzeStackExport } from "../../../policy/analyze";
import { nameFromUrn } from "../../../policy/normalize";
import { PROGRAM_MODULE } from "../../../tools/synth/engine";
import { stackExport } from "../../../tools/synth/stack-export";
import { runStack } from "../../../tools/synth/synth";
import { CONTROLS, Rendered, VARIANTS, Variant } from ".";

const ROOT = resolve(__dirname, "../../..");

/** What the corpus test reads back for one variant. */
export interface CorpusResult {
  name: string;
  environment?: string;
  error?: string;
  shows?: boolean;
  resources?: number;
  mandatory?: string[];
  advisory?: string[];
  milliseconds: number;
}

/**
 * The program's entry points, so the next require runs the program again. Its other modules hold no per-stack
 * state (they read the config when called), and reloading them all gives byte-identical exports, only slower.
 */
function forgetProgram(): void {
  const own = (file: string) =>
    file === `${PROGRAM_MODULE}.ts` || file === resolve(ROOT, "ack-serverless.ts");
  for (const file of Object.keys(require.cache)) if (own(file)) delete require.cache[file];
}

function writeStackFile(root: string, variant: Variant): void {
  const doc = parse(readFileSync(join(ROOT, `Pulumi.${variant.from}.yaml`), "utf8"));
  variant.change(doc.config);
  writeFileSync(join(root, `Pulumi.${variant.name}.yaml`), stringify(doc));
}

async function exportOf(root: string, stack: string): Promise<unknown> {
  forgetProgram();
  const { run, stackUrn } = await runStack(root, stack);
  return stackExport(run, stackUrn);
}

function rendered(exported: unknown): Rendered {
  const entries = (exported as { deployment: { resources: Array<Record<string, unknown>> } }).deployment
    .resources;
  const resources = entries.map((r) => ({
    type: String(r.type),
    name: nameFromUrn(String(r.urn)),
    inputs: (r.inputs ?? {}) as Record<string, unknown>,
  }));
  const tomls = resources
    .map((r) => (r.inputs.data as Record<string, unknown> | undefined)?.["config.toml"])
    .filter((text): text is string => typeof text === "string");
  return { tomls, resources };
}

async function judge(root: string, variant: Variant): Promise<CorpusResult> {
  const started = Date.now();
  try {
    const exported = await exportOf(root, variant.name);
    const analysis = analyzeStackExport(exported);
    const line = (v: (typeof analysis.violations)[number]) => `${v.policy}: ${v.message}`;
    return {
      name: variant.name,
      environment: analysis.environment,
      shows: variant.shows(rendered(exported)),
      resources: (exported as { deployment: { resources: unknown[] } }).deployment.resources.length,
      mandatory: analysis.violations.filter((v) => v.level === "mandatory").map(line),
      advisory: analysis.violations.filter((v) => v.level === "advisory").map(line),
      milliseconds: Date.now() - started,
    };
  } catch (error) {
    return { name: variant.name, error: (error as Error).message, milliseconds: Date.now() - started };
  }
}

async function main(out: string): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "policy-corpus-"));
  try {
    copyFileSync(join(ROOT, "Pulumi.yaml"), join(root, "Pulumi.yaml"));
    const variants = [...VARIANTS, ...CONTROLS];
    for (const variant of variants) writeStackFile(root, variant);
    const results: CorpusResult[] = [];
    for (const variant of variants) results.push(await judge(root, variant));
    writeFileSync(out, JSON.stringify(results));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main(process.argv[2] ?? "").catch((error: unknown) => {
    console.error((error as Error).stack ?? error);
    process.exit(1);
  });
}
