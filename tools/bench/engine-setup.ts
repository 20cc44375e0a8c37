import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { locateAssets } from "../../test/cluster/harness/assets";
import { type ControlPlane, startControlPlane } from "../../test/cluster/harness/control-plane";
import { installPinnedCrds } from "../../test/cluster/harness/crds";
import { Kubectl } from "../../test/cluster/harness/kubectl";
import { removeFolder, removeOnExit } from "../../test/cluster/harness/processes";
import { locateEngine } from "../../test/engine/harness/binaries";
import { openProgramWorkspace } from "../../test/engine/harness/engine";
import type { PulumiWorkspace } from "../../test/engine/harness/workspace";

/** What the engine rows of the benchmark run in: the engine tests' API server, workspace and GitLab double. */
export interface EngineBench {
  workspace: PulumiWorkspace;
  controlPlane: ControlPlane;
  /** A Pulumi project whose program registers nothing: the floor every `pulumi preview` pays. */
  floorProject: string;
  close(): Promise<void>;
}

/** Starts it all, or says why not (no engine or Kubernetes test binaries here). */
export async function startEngineBench(root: string): Promise<EngineBench | string> {
  const binaries = locateEngine();
  const assets = locateAssets();
  if (!binaries || !assets) return "no Pulumi engine or Kubernetes test binaries (see docs/engine-tests.md)";
  const controlPlane = await startControlPlane(assets);
  try {
    await controlPlane.startControllerManager();
    // The shipped stacks create ServiceMonitors and a PrometheusRule: their CRDs, as the engine tests install them.
    await installPinnedCrds(new Kubectl(assets.path("kubectl") ?? "kubectl", controlPlane.kubeconfig));
    const workspace = await openProgramWorkspace(binaries);
    const floorProject = writeFloorProject(root);
    return {
      workspace,
      controlPlane,
      floorProject,
      close: async () => {
        workspace.close();
        removeFolder(floorProject);
        await controlPlane.stop();
      },
    };
  } catch (error) {
    await controlPlane.stop();
    throw error;
  }
}

/** The floor: the same runtime and SDK as this project (its node_modules), a program that registers nothing. */
function writeFloorProject(root: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gitlab-ci-platform-floor-"));
  removeOnExit(dir);
  const project = {
    name: "floor",
    runtime: { name: "nodejs", options: { typescript: false } },
    main: "index.js",
  };
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), stringify(project));
  fs.writeFileSync(path.join(dir, "index.js"), '"use strict";\n');
  fs.writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({ name: "floor", private: true, main: "index.js" }),
  );
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
  return dir;
}
