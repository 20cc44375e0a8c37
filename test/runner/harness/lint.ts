import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ENV } from "../../../model/fleet/constants";
import type { RunnerBinary } from "./binary";

/** What the manager's environment gives `${RUNNER_TOKEN}`; lint expands it and refuses an empty token. */
export const LINT_TOKEN = "glrt-lint-placeholder-token";

export interface LintResult {
  valid: boolean;
  /** One line per problem: a schema violation (`at '/runners/0/…': …`) or `unknown key: runners.…`. */
  findings: string[];
  /** Everything the runner printed, without colours. */
  output: string;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const FINDING = /^\s*(?:- (at '.*)|(unknown key: .*))$/;

let scratch: string | undefined;
let counter = 0;

/** `gitlab-runner lint --config <file>` on the given config.toml text, with the manager's token variable set. */
export function lint(runner: RunnerBinary, text: string): Promise<LintResult> {
  scratch ??= makeScratch();
  const file = path.join(scratch, `config-${counter++}.toml`);
  fs.writeFileSync(file, text);
  const env = { PATH: process.env.PATH ?? "", HOME: scratch, [ENV.runnerToken]: LINT_TOKEN };
  return new Promise((resolve) => {
    execFile(runner.path, ["lint", "--config", file], { env, cwd: scratch }, (error, stdout, stderr) => {
      fs.rmSync(file, { force: true });
      const output = `${stdout}${stderr}`.replace(ANSI, "");
      const findings = output
        .split("\n")
        .map((line) => FINDING.exec(line.trimEnd()))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => m[1] ?? m[2]);
      const valid = error === null && /Configuration file is valid\./.test(output);
      resolve({ valid, findings, output });
    });
  });
}

/** Lints every document, two at a time (the machines have two cores); results in the documents' order. */
export async function lintAll(
  runner: RunnerBinary,
  documents: readonly (readonly [name: string, text: string])[],
): Promise<{ name: string; text: string; result: LintResult }[]> {
  const results: { name: string; text: string; result: LintResult }[] = new Array(documents.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < documents.length; i = next++) {
      const [name, text] = documents[i];
      results[i] = { name, text, result: await lint(runner, text) };
    }
  };
  await Promise.all([worker(), worker()]);
  return results;
}

/** The failures among lint results, one block per document, for an assertion message. */
export function describeFailures(results: { name: string; text: string; result: LintResult }[]): string[] {
  return results
    .filter(({ result }) => !result.valid)
    .map(
      ({ name, result }) =>
        `${name}:\n  ${(result.findings.length ? result.findings : [result.output]).join("\n  ")}`,
    );
}

function makeScratch(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "runner-lint-"));
  process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
