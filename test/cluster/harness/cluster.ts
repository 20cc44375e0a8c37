import { Assets, locateAssets, MISSING_ASSETS_MESSAGE } from "./assets";
import { ControlPlane, startControlPlane } from "./control-plane";
import { Kubectl } from "./kubectl";
import { opensslAvailable } from "./pki";
import { synthesizeAllInBackground } from "./synth";
import { record, timed } from "./timings";

export interface Cluster {
  assets: Assets;
  controlPlane: ControlPlane;
  /** kubectl as the cluster admin. */
  kubectl: Kubectl;
}

let current: Cluster | undefined;
let skipReason: string | undefined;
const runStart = Date.now();

export interface ClusterOptions {
  /** Synthesize every stack in the background while the control plane starts (the cluster suite reads them). */
  synthesizeStacks: boolean;
  /** The variable that turns a skip into a failure (CI sets it). */
  requiredVariable: string;
}

/** Starts the one control plane of this test run; returns a reason to skip instead when it cannot. */
export async function startCluster(
  options: ClusterOptions = { synthesizeStacks: true, requiredVariable: "CLUSTER_TESTS_REQUIRED" },
): Promise<string | undefined> {
  const assets = await timed("unpack or locate binaries", async () => locateAssets());
  const missing = !opensslAvailable()
    ? "cluster tests skipped: openssl is needed for the test certificates."
    : "";
  skipReason = missing || (assets ? undefined : MISSING_ASSETS_MESSAGE);
  // CI sets the variable so that a machine without the binaries fails the gate instead of skipping it.
  if (skipReason && process.env[options.requiredVariable])
    throw new Error(`${options.requiredVariable} is set: ${skipReason}`);
  if (skipReason || !assets) return skipReason;
  const kubectlBinary = assets.path("kubectl");
  if (!kubectlBinary) throw new Error(`kubectl not found in ${assets.dir}`);
  if (options.synthesizeStacks) synthesizeAllInBackground();
  const controlPlane = await timed("start etcd + kube-apiserver (to /readyz)", () =>
    startControlPlane(assets),
  );
  current = { assets, controlPlane, kubectl: new Kubectl(kubectlBinary, controlPlane.kubeconfig) };
  record("cold start (from test run start)", Date.now() - runStart);
  return undefined;
}

export async function stopCluster(): Promise<void> {
  const stopping = current;
  current = undefined;
  if (stopping) await timed("stop and clean up", () => stopping.controlPlane.stop());
  record("whole run", Date.now() - runStart);
}

/** The running cluster; only valid inside hooks and tests (the root hook starts it first). */
export function cluster(): Cluster {
  if (!current) throw new Error(skipReason ?? "the cluster is not running (see the root hook's error)");
  return current;
}

let controllerManager: Promise<void> | undefined;

/** kube-controller-manager, started on first use (StatefulSet, namespace and token controllers). */
export function startControllerManager(): Promise<void> {
  controllerManager ??= timed("start kube-controller-manager", () =>
    cluster().controlPlane.startControllerManager(),
  );
  return controllerManager;
}

export function clusterStarted(): boolean {
  return current !== undefined;
}
