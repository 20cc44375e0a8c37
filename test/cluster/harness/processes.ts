import { ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import { waitUntil } from "./wait";

/** Every process the harness started and every folder it must delete, so an exiting test run leaves nothing. */
const running = new Set<ChildProcess>();
/** Commands started as a process group of their own, so that their children (plugins, language hosts) stop too. */
const groups = new Set<ChildProcess>();
const folders = new Set<string>();
let guardsInstalled = false;

export interface Started {
  child: ChildProcess;
  logFile: string;
}

/** Starts a binary with its output in logFile; it is killed when this process exits, however that happens. */
export function startProcess(binary: string, args: string[], logFile: string): Started {
  installGuards();
  const log = fs.openSync(logFile, "a");
  const child = spawn(binary, args, { stdio: ["ignore", log, log] });
  fs.closeSync(log);
  running.add(child);
  child.once("exit", () => running.delete(child));
  return { child, logFile };
}

/** Starts a binary and waits until `ready`; stops it again when it never gets there. */
export async function startReady(
  what: string,
  command: { binary: string; args: string[]; logFile: string },
  ready: () => Promise<boolean>,
  timeoutMs = 60000,
): Promise<Started> {
  const started = startProcess(command.binary, command.args, command.logFile);
  try {
    await waitUntil(what, ready, {
      timeoutMs,
      logFile: started.logFile,
      failed: () => exited(started.child),
    });
    return started;
  } catch (error) {
    await stopProcess(started.child);
    throw error;
  }
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** SIGTERM, then SIGKILL after graceMs. */
export async function stopProcess(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (exited(child) || child.pid === undefined) return;
  const done = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await done;
  clearTimeout(timer);
}

/**
 * Runs a command that starts processes of its own (the Pulumi CLI: language host, plugins) as the leader of a new
 * process group; an exiting test run kills the whole group. Resolves with its exit code and output.
 */
export function runGroup(
  binary: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; input?: string },
): Promise<{ code: number; stdout: string; stderr: string }> {
  installGuards();
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { ...options, detached: true, stdio: ["pipe", "pipe", "pipe"] });
    groups.add(child);
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", (error) => {
      groups.delete(child);
      reject(error);
    });
    child.on("close", (code, signal) => {
      groups.delete(child);
      // Anything the command left behind (a plugin it failed to stop) goes with it.
      killGroup(child);
      resolve({ code: code ?? 128 + (signal ? os.constants.signals[signal] : 0), stdout, stderr });
    });
    child.stdin.end(options.input ?? "");
  });
}

function killGroup(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
  } catch {
    // the group has already exited
  }
}

export function removeOnExit(folder: string): void {
  installGuards();
  folders.add(folder);
}

export function removeFolder(folder: string): void {
  fs.rmSync(folder, { recursive: true, force: true });
  folders.delete(folder);
}

function killAllNow(): void {
  for (const child of groups) killGroup(child);
  for (const child of running) child.kill("SIGKILL");
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
}

function installGuards(): void {
  if (guardsInstalled) return;
  guardsInstalled = true;
  process.once("exit", killAllNow);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      killAllNow();
      process.exit(128 + os.constants.signals[signal]);
    });
  }
}
