import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const PROJECT_ROOT = path.resolve(__dirname, "../../..");

const REQUIRED = ["etcd", "kube-apiserver", "kubectl"] as const;
type Binary = (typeof REQUIRED)[number] | "kube-controller-manager";

export interface Assets {
  /** Folder holding the executables. */
  dir: string;
  /** Where they came from, for messages. */
  origin: string;
  /** Absolute path of a binary, or undefined where the folder lacks it (only kube-controller-manager may be absent). */
  path(binary: Binary): string | undefined;
}

export const MISSING_ASSETS_MESSAGE = [
  "cluster tests skipped: no Kubernetes test binaries.",
  "Set KUBEBUILDER_ASSETS to a folder holding etcd, kube-apiserver and kubectl (kube-controller-manager optional),",
  'e.g. KUBEBUILDER_ASSETS="$(setup-envtest use 1.34.x -p path)" npm run test:cluster',
  "(setup-envtest: go install sigs.k8s.io/controller-runtime/tools/setup-envtest@latest),",
  "or place the xz-compressed set in ../shared/envtest next to the project.",
].join("\n  ");

/** KUBEBUILDER_ASSETS first (the envtest convention), else ../shared/envtest unpacked into a cache; else undefined. */
export function locateAssets(env: NodeJS.ProcessEnv = process.env): Assets | undefined {
  const fromEnv = env.KUBEBUILDER_ASSETS;
  if (fromEnv) {
    const missing = REQUIRED.filter((b) => !isExecutable(path.join(fromEnv, b)));
    if (missing.length > 0) {
      throw new Error(`KUBEBUILDER_ASSETS=${fromEnv} lacks ${missing.join(", ")}`);
    }
    return folderAssets(fromEnv, "KUBEBUILDER_ASSETS");
  }
  const shared = path.resolve(PROJECT_ROOT, "../shared/envtest");
  if (!fs.existsSync(path.join(shared, "SHA256SUMS"))) return undefined;
  return folderAssets(unpackShared(shared, cacheRoot(env, "envtest")), shared);
}

function folderAssets(dir: string, origin: string): Assets {
  return {
    dir,
    origin,
    path: (binary) => {
      const file = path.join(dir, binary);
      return isExecutable(file) ? file : undefined;
    },
  };
}

/** The test binaries' cache: `<XDG_CACHE_HOME or ~/.cache>/gitlab-ci-platform/<set>`. */
export function cacheRoot(env: NodeJS.ProcessEnv, set: string): string {
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(base, "gitlab-ci-platform", set);
}

/** Unpacks every `<name>.xz` listed in SHA256SUMS once; the folder is keyed by the checksum list itself. */
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
