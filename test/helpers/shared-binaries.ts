import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** The folder of real binaries beside the repository on the project's CI and development machines. */
export const SHARED_DIR = path.resolve(__dirname, "../../../shared");

/** `$XDG_CACHE_HOME/gitlab-ci-platform/<name>` (or ~/.cache/…), where unpacked binaries are kept between runs. */
export function cacheRoot(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(base, "gitlab-ci-platform", name);
}

/**
 * Unpacks every `<name>.xz` listed in the folder's SHA256SUMS once, each checked against its checksum first. The
 * cache folder is keyed by the checksum list itself, so a new set unpacks into a new folder; a half-finished
 * unpack (a crash, a parallel run) never counts as done.
 */
export function unpackShared(shared: string, root: string): string {
  const sums = fs.readFileSync(path.join(shared, "SHA256SUMS"), "utf8");
  const dir = path.join(root, sha256(Buffer.from(sums)).slice(0, 16));
  if (fs.existsSync(path.join(dir, ".complete"))) return dir;
  const staging = `${dir}.partial-${process.pid}`;
  fs.mkdirSync(staging, { recursive: true });
  try {
    for (const { file, sum } of parseSums(sums)) unpackOne(shared, file, sum, staging);
    fs.writeFileSync(path.join(staging, ".complete"), sums);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return dir;
}

function unpackOne(shared: string, file: string, sum: string, into: string): void {
  const compressed = fs.readFileSync(path.join(shared, file));
  if (sha256(compressed) !== sum) throw new Error(`${file}: checksum does not match SHA256SUMS`);
  const target = path.join(into, file.replace(/\.xz$/, ""));
  const binary = execFileSync("xz", ["-dc"], { input: compressed, maxBuffer: 512 * 1024 * 1024 });
  fs.writeFileSync(target, binary, { mode: 0o755 });
}

function parseSums(text: string): { file: string; sum: string }[] {
  return text
    .split("\n")
    .map((line) => /^([0-9a-f]{64})\s+\*?(\S+)$/.exec(line.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ sum: m[1], file: m[2] }));
}

function sha256(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

export function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
