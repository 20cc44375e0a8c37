import { spawnSync } from "node:child_process";
import { consoleSteps, stackEditOf } from "../commands";
import { Fence } from "../markdown";
import { addToStackFile } from "./stack-edit";
import { checkStoredSecrets } from "./stored-secrets";
import { Workspace } from "./workspace";

/** Why a block failed, with what it printed; undefined when it did what the page says. */
export type Outcome = string | undefined;

const TIMEOUT_MS = 150_000;

function run(
  command: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
): { status: number | null; output: string } {
  // One stream, as a terminal shows it; no input, so a command that would prompt reads an empty value.
  const result = spawnSync("bash", ["-o", "pipefail", "-c", `exec 2>&1\n${command}`], {
    cwd,
    env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: TIMEOUT_MS,
  });
  return { status: result.status, output: result.stdout + (result.error ? `\n${result.error.message}` : "") };
}

const tail = (output: string) => output.trimEnd().split("\n").slice(-40).join("\n");

/** A script block: every command must succeed (bash -e), and every secret it sets must be stored encrypted. */
function runScript(fence: Fence, ws: Workspace): Outcome {
  const { status, output } = run(`set -e\n${fence.body}`, ws.root, ws.env);
  if (status !== 0) return `exit ${status}:\n${tail(output)}`;
  return checkStoredSecrets(fence.body, ws);
}

/** A shown line as a pattern: `…` inside it stands for any text; indentation is not compared. */
function linePattern(shown: string): RegExp {
  const parts = shown
    .trim()
    .split("…")
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join(".*")}$`);
}

/** The shown output lines, in order, each somewhere in the real output; a line `…` marks lines left out. */
function missingLines(expected: string[], actual: string): string[] {
  const lines = actual.split("\n").map((l) => l.trim());
  let at = 0;
  const missing: string[] = [];
  for (const want of expected.map((l) => l.trim()).filter((l) => l !== "" && l !== "…")) {
    const pattern = linePattern(want);
    const found = lines.findIndex((line, i) => i >= at && pattern.test(line));
    if (found < 0) missing.push(want);
    else at = found + 1;
  }
  return missing;
}

/** A terminal session: each command's real output shows every line the page shows (a command with none shown must succeed). */
function runConsole(fence: Fence, ws: Workspace): Outcome {
  for (const step of consoleSteps(fence.body)) {
    const { status, output } = run(step.command, ws.root, ws.env);
    const shown = step.output.filter((l) => l.trim() !== "");
    if (shown.length === 0 && status !== 0) return `$ ${step.command}: exit ${status}:\n${tail(output)}`;
    const missing = missingLines(shown, output);
    if (missing.length > 0)
      return `$ ${step.command} does not print, in this order:\n${missing.join("\n")}\n--- it printed:\n${output}`;
  }
  return undefined;
}

/** The workspace shares the checkout's installed dependencies: a command that reinstalls them must not run there. */
const INSTALLS = /(^|[\s;&|(])npm (ci|install|i|uninstall|update)(\s|$)/m;

/** Runs a block as the reader would: a script, a terminal session, or a fragment added to a stack file. */
export function runBlock(fence: Fence, ws: Workspace): Outcome {
  if (INSTALLS.test(fence.body))
    return "installs dependencies, which would replace the checkout's own: mark it <!-- run by: .ci/run -->";
  const stackFile = stackEditOf(fence);
  if (stackFile) return addToStackFile(fence.body, stackFile, ws.root);
  return fence.lang === "console" ? runConsole(fence, ws) : runScript(fence, ws);
}
