import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT_ROOT } from "../../cluster/harness/assets";
import {
  cluster,
  type Cluster,
  startCluster,
  startControllerManager,
  stopCluster,
} from "../../cluster/harness/cluster";
import { installPinnedCrds } from "../../cluster/harness/crds";
import { timed } from "../../cluster/harness/timings";
import { type EngineBinaries, locateEngine, MISSING_ENGINE_MESSAGE } from "./binaries";
import { gitlabDoubleState, installGitLabDouble } from "./gitlab-plugin";
import { PulumiWorkspace } from "./workspace";

export const REQUIRED_VARIABLE = "ENGINE_TESTS_REQUIRED";

export interface Engine {
  binaries: EngineBinaries;
  workspace: PulumiWorkspace;
  cluster: Cluster;
}

let current: Engine | undefined;

/** The version of the Kubernetes plugin the program's @pulumi/kubernetes asks for. */
function kubernetesPluginVersion(): string {
  const file = path.join(PROJECT_ROOT, "node_modules/@pulumi/kubernetes/package.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
}

/** The test-only skip-await transformation, loaded into the program (program-preload.js says how). */
const PROGRAM_PRELOAD = `--require ${path.join(PROJECT_ROOT, "test/engine/harness/program-preload.js")}`;

/** Starts the API server (with its controllers) and an engine workspace; returns a reason to skip instead. */
export async function startEngine(): Promise<string | undefined> {
  const binaries = await timed("unpack or locate the Pulumi engine", async () => locateEngine());
  if (!binaries) {
    if (process.env[REQUIRED_VARIABLE])
      throw new Error(`${REQUIRED_VARIABLE} is set: ${MISSING_ENGINE_MESSAGE}`);
    return MISSING_ENGINE_MESSAGE;
  }
  const skip = await startCluster({ synthesizeStacks: false, requiredVariable: REQUIRED_VARIABLE });
  if (skip) return skip.replace(/^cluster tests/, "engine tests");
  // Service-account token Secrets and ResourceQuotas become ready only through their controllers.
  await startControllerManager();
  // The shipped stacks create ServiceMonitors and a PrometheusRule: the Prometheus Operator's CRDs, as pinned.
  await timed("install the pinned CRDs", () => installPinnedCrds(cluster().kubectl));
  const workspace = await timed("install the plugins", () => openProgramWorkspace(binaries));
  current = { binaries, workspace, cluster: cluster() };
  return undefined;
}

/**
 * A workspace that runs this project's program as the engine tests do: the Kubernetes plugin and the GitLab
 * double installed, the double's state file and the test-only program preload in the environment.
 */
export async function openProgramWorkspace(binaries: EngineBinaries): Promise<PulumiWorkspace> {
  const workspace = PulumiWorkspace.open(binaries);
  try {
    workspace.setEnv("GITLAB_DOUBLE_STATE", gitlabDoubleState(workspace));
    workspace.setEnv("NODE_OPTIONS", PROGRAM_PRELOAD);
    await workspace.installPlugin(
      "resource",
      "kubernetes",
      kubernetesPluginVersion(),
      binaries.kubernetesPlugin,
    );
    await installGitLabDouble(workspace);
    return workspace;
  } catch (error) {
    workspace.close();
    throw error;
  }
}

export async function stopEngine(): Promise<void> {
  current?.workspace.close();
  current = undefined;
  await stopCluster();
}

export function engine(): Engine {
  if (!current) throw new Error("the engine is not set up (see the root hook's error)");
  return current;
}
