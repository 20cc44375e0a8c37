import { cluster } from "./cluster";
import { sleep } from "./wait";

interface PodList {
  items: { metadata: { name: string }; status?: { conditions?: { type: string; status: string }[] } }[];
}

/**
 * Stands in for the kubelets this cluster has none of: until stopped, marks every pod in the namespace Running
 * and Ready, so controllers and `kubectl rollout status` see a rollout complete.
 */
export function markPodsReady(namespace: string): { stop(): Promise<void> } {
  let running = true;
  const loop = (async () => {
    while (running) {
      const pods = await cluster().kubectl.json<PodList>(["get", "pods", "-n", namespace]);
      for (const pod of pods.items) {
        const ready = pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True");
        if (!ready) await cluster().kubectl.run(readyPatch(namespace, pod.metadata.name));
      }
      await sleep(250);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

function readyPatch(namespace: string, pod: string): string[] {
  const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  const condition = (type: string) => ({ type, status: "True", lastTransitionTime: now });
  const status = {
    phase: "Running",
    conditions: ["PodScheduled", "Initialized", "ContainersReady", "Ready"].map(condition),
  };
  return [
    "patch",
    "pod",
    pod,
    "-n",
    namespace,
    "--subresource=status",
    "--type=merge",
    "-p",
    JSON.stringify({ status }),
  ];
}
