import * as fs from "node:fs";
import * as path from "node:path";
import { cacheRoot, isExecutable, SHARED_DIR, unpackShared } from "../../helpers/shared-binaries";

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
  const shared = path.join(SHARED_DIR, "envtest");
  if (!fs.existsSync(path.join(shared, "SHA256SUMS"))) return undefined;
  return folderAssets(unpackShared(shared, cacheRoot("envtest", env)), shared);
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
