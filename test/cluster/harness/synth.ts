import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PROJECT_ROOT } from "./assets";
import { KubeObject, readObjects } from "./objects";
import { removeFolder, removeOnExit } from "./processes";
import { timed } from "./timings";

export interface StackRender {
  stack: string;
  objects: KubeObject[];
  /** Fleet name → its rendered config.toml. */
  runnerConfigs: Map<string, string>;
}

/** The project whose stacks are synthesized: this one, or another checkout named by CLUSTER_TEST_PROJECT_ROOT. */
export const STACK_ROOT = process.env.CLUSTER_TEST_PROJECT_ROOT || PROJECT_ROOT;

/**
 * Every Pulumi.<stack>.yaml in the project root, except the scratch `Pulumi.*-test.yaml` files other test suites
 * write and delete while they run (ignored by .gitignore for the same reason).
 */
export function stackNames(root = STACK_ROOT): string[] {
  return fs
    .readdirSync(root)
    .map((file) => /^Pulumi\.(.+)\.yaml$/.exec(file)?.[1])
    .filter((stack): stack is string => stack !== undefined && !stack.endsWith("-test"))
    .sort();
}

const renders = new Map<string, Promise<StackRender>>();

/** The synth command-line contract, run once per stack and test run. */
export function synthesize(stack: string): Promise<StackRender> {
  let render = renders.get(stack);
  if (!render) {
    render = timed(`synth ${stack}`, () => runSynth(stack));
    renders.set(stack, render);
  }
  return render;
}

/** Starts every stack's synth in the background (errors surface in the tests that await it). */
export function synthesizeAllInBackground(): void {
  for (const stack of stackNames()) void synthesize(stack).catch(() => undefined);
}

async function runSynth(stack: string): Promise<StackRender> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), `gitlab-ci-platform-synth-${stack}-`));
  removeOnExit(out);
  try {
    const cli = path.join(STACK_ROOT, "tools/synth/cli.ts");
    await execNode(["-r", "./tools/typescript/register.js", cli, "--stack", stack, "--out", out]);
    return { stack, objects: readObjects(path.join(out, "k8s")), runnerConfigs: readRunnerConfigs(out) };
  } finally {
    removeFolder(out);
  }
}

function execNode(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: STACK_ROOT }, (error, _stdout, stderr) =>
      error ? reject(new Error(`synth ${args.slice(3).join(" ")} failed: ${stderr}`)) : resolve(),
    );
  });
}

function readRunnerConfigs(out: string): Map<string, string> {
  const dir = path.join(out, "runner");
  const configs = new Map<string, string>();
  for (const file of fs.readdirSync(dir).sort()) {
    const fleet = /^(.+)\.config\.toml$/.exec(file)?.[1];
    if (fleet) configs.set(fleet, fs.readFileSync(path.join(dir, file), "utf8"));
  }
  return configs;
}
