import { strict as assert } from "node:assert";
import { getObject } from "../harness/cluster-checks";
import type { Lifecycle } from "../harness/lifecycle";
import { plannedChanges, resourceNamed } from "../harness/state";
import { firstFleet, type Shape } from "../harness/lifecycle";

/**
 * A hand edit of an object the stack owns: `kubectl patch` of a fleet's config.toml. `pulumi refresh` sees it; the
 * preview after it plans to restore the ConfigMap (no Server-Side Apply conflict with kubectl-patch), a plain
 * `pulumi up` (with its preview) restores the stack's value, and nothing stays to update on the next run.
 */
export function driftSteps(shape: Shape, lifecycle: () => Lifecycle): void {
  const fleet = firstFleet(shape);
  // A title without the fleet's name: docs/drift.md names this test as the one that runs its commands.
  it("a kubectl patch of a fleet's config.toml is seen by refresh and undone by the next pulumi up, with no flag", async () => {
    const { stack, kubectl } = lifecycle();
    const configMap = resourceNamed(
      await stack.resources(),
      "kubernetes:core/v1:ConfigMap",
      `${fleet}-config`,
    );
    const { name, namespace } = (configMap.outputs as { metadata: { name: string; namespace: string } })
      .metadata;
    const original = (await getObject(kubectl, "configmap", namespace, name)).data;
    const patch = JSON.stringify({ data: { "config.toml": "concurrent = 99\n" } });
    await kubectl.ok(["patch", "configmap", name, "-n", namespace, "--type", "merge", "-p", patch]);

    const refresh = await stack.run(["refresh", "--yes", "--expect-no-changes"]);
    assert.notEqual(refresh.code, 0, "refresh did not see the hand edit");
    assert.deepEqual(plannedChanges(await stack.previewJson()), [`update ConfigMap ${fleet}-config`]);
    await stack.ok(["up", "--yes", "--suppress-progress"]);
    assert.deepEqual((await getObject(kubectl, "configmap", namespace, name)).data, original);
    await stack.ok(["preview", "--expect-no-changes"]);
  });
}
