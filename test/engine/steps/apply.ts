import { strict as assert } from "node:assert";
import { missingObjects } from "../harness/cluster-checks";
import type { Lifecycle } from "../harness/lifecycle";
import { kubeObjectsOf } from "../harness/state";

/** preview, up, a second preview and a refresh: the stack as the shipped program creates it, with no drift. */
export function applySteps(lifecycle: () => Lifecycle): void {
  it("pulumi preview plans every resource as a create and reports no error", async () => {
    const preview = await lifecycle().stack.previewJson();
    const ops = new Set((preview.steps ?? []).map((s) => s.op));
    assert.deepEqual([...ops], ["create"]);
    assert.ok((preview.steps ?? []).length > 30, `only ${preview.steps?.length} steps`);
    assert.deepEqual(
      (preview.diagnostics ?? []).filter((d) => d.severity === "error"),
      [],
    );
  });

  it("pulumi up creates them: every Kubernetes object in the stack's state exists in the API server", async () => {
    const { stack, kubectl } = lifecycle();
    await stack.up();
    const objects = kubeObjectsOf(await stack.resources());
    assert.ok(objects.length > 30, `the state has only ${objects.length} Kubernetes objects`);
    assert.deepEqual(await missingObjects(kubectl, objects), []);
  });

  it("a second pulumi preview --expect-no-changes succeeds", async () => {
    await lifecycle().stack.ok(["preview", "--expect-no-changes"]);
  });

  it("pulumi refresh --expect-no-changes finds nothing the providers report differently, and a preview after it has no changes", async () => {
    const { stack } = lifecycle();
    await stack.ok(["refresh", "--yes", "--expect-no-changes"]);
    await stack.ok(["preview", "--expect-no-changes"]);
  });
}
