import { strict as assert } from "node:assert";
import { cluster, startControllerManager } from "./harness/cluster";
import { Deployment, deployStack } from "./harness/deploy";
import { deployedFleets } from "./harness/fleets";
import { stackNames } from "./harness/synth";
import { sleep } from "./harness/wait";

interface PodList {
  items: { metadata: { name: string } }[];
}

interface EventList {
  items: { reason?: string; message?: string; involvedObject?: { name?: string } }[];
}

describe("with kube-controller-manager: the StatefulSet controller creates the managers", () => {
  before(async function () {
    if (!cluster().assets.path("kube-controller-manager")) {
      console.log(
        `\n  skipped: no kube-controller-manager in ${cluster().assets.dir} (setup-envtest does not ship one)\n`,
      );
      this.skip();
    }
    await startControllerManager();
  });

  for (const stack of stackNames()) {
    describe(`stack ${stack}`, () => {
      let deployment: Deployment;
      before(async () => {
        deployment = await deployStack(stack);
      });

      it("every replica of every manager is created and admitted under the manager namespace's restricted level", async () => {
        for (const fleet of deployedFleets(deployment)) {
          const level = namespaceLabel(
            deployment,
            fleet.managerNamespace,
            "pod-security.kubernetes.io/enforce",
          );
          assert.equal(level, "restricted", `${fleet.managerNamespace} does not enforce restricted`);
          const pods = await waitForPods(fleet.managerNamespace, fleet.name, fleet.replicas);
          const expected = Array.from(
            { length: fleet.replicas },
            (_, i) => `${fleet.statefulSet.metadata.name}-${i}`,
          );
          assert.deepEqual(pods.sort(), expected);
        }
      });
    });
  }
});

function namespaceLabel(deployment: Deployment, namespace: string, label: string): string | undefined {
  const ns = deployment.objects.find((o) => o.kind === "Namespace" && o.metadata.name === namespace);
  return ns?.metadata.labels?.[label];
}

/** Pods of one fleet's StatefulSet; on timeout fails with the controller's FailedCreate events (e.g. Pod Security). */
async function waitForPods(namespace: string, fleet: string, replicas: number): Promise<string[]> {
  const selector = `app.kubernetes.io/instance=${fleet}`;
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    const pods = await cluster().kubectl.json<PodList>(["get", "pods", "-n", namespace, "-l", selector]);
    if (pods.items.length >= replicas) return pods.items.map((p) => p.metadata.name);
    await sleep(500);
  }
  const events = await cluster().kubectl.json<EventList>(["get", "events", "-n", namespace]);
  const failures = events.items.filter((e) => e.reason === "FailedCreate").map((e) => e.message);
  assert.fail(
    `${fleet}: fewer than ${replicas} manager pods after 60 s; FailedCreate: ${failures.join("\n") || "none"}`,
  );
}
