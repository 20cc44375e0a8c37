import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT_ROOT } from "../../cluster/harness/assets";
import { cacheRoot, isExecutable, unpackShared } from "../../helpers/shared-binaries";

/** The engine: the CLI, the Node.js language host (it runs the program and the policy pack) and the Kubernetes plugin. */
export const ENGINE_BINARIES = ["pulumi", "pulumi-language-nodejs", "pulumi-resource-kubernetes"] as const;

export interface EngineBinaries {
  /** Folder holding the three executables. */
  dir: string;
  /** Where they came from, for messages. */
  origin: string;
  pulumi: string;
  kubernetesPlugin: string;
}

export const SHARED_PULUMI = path.resolve(PROJECT_ROOT, "../shared/pulumi");

export const MISSING_ENGINE_MESSAGE = [
  "engine tests skipped: no Pulumi engine binaries.",
  `Set PULUMI_TEST_BIN to a folder holding ${ENGINE_BINARIES.join(", ")}`,
  "(pulumi-resource-kubernetes of the version @pulumi/kubernetes in package-lock.json asks for),",
  "put such a folder's pulumi on the PATH, or place the xz-compressed set in ../shared/pulumi next to the project.",
].join("\n  ");

/**
 * PULUMI_TEST_BIN first, else ../shared/pulumi unpacked once (checksums verified) into the test binaries' cache,
 * else the `pulumi` the PATH finds first, with the other two beside it; undefined when none of them is there.
 */
export function locateEngine(
  env: NodeJS.ProcessEnv = process.env,
  shared = SHARED_PULUMI,
): EngineBinaries | undefined {
  if (env.PULUMI_TEST_BIN) return complete(env.PULUMI_TEST_BIN, "PULUMI_TEST_BIN", true);
  if (fs.existsSync(path.join(shared, "SHA256SUMS")))
    return complete(unpackShared(shared, cacheRoot("pulumi", env)), shared, true);
  const onPath = (env.PATH ?? "")
    .split(path.delimiter)
    .find((dir) => dir !== "" && isExecutable(path.join(dir, "pulumi")));
  return onPath ? complete(onPath, "PATH", false) : undefined;
}

function complete(dir: string, origin: string, mustHaveAll: boolean): EngineBinaries | undefined {
  const missing = ENGINE_BINARIES.filter((b) => !isExecutable(path.join(dir, b)));
  if (missing.length > 0) {
    if (!mustHaveAll) return undefined;
    throw new Error(`${origin} (${dir}) lacks ${missing.join(", ")}`);
  }
  return {
    dir,
    origin,
    pulumi: path.join(dir, "pulumi"),
    kubernetesPlugin: path.join(dir, "pulumi-resource-kubernetes"),
  };
}
