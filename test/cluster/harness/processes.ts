import { ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import { waitUntil } from "./wait";

/** Every process the harness started and every folder it must delete, so an exiting test run leaves nothing. */
const running = new Set<ChildProcess>();
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

export function removeOnExit(folder: string): void {
  installGuards();
  folders.add(folder);
}

export function removeFolder(folder: string): void {
  fs.rmSync(folder, { recursive: true, force: true });
  folders.delete(folder);
}

function killAllNow(): void {
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
