import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import { missingObjects } from "../harness/cluster-checks";
import { gitlabDoubleState } from "../harness/gitlab-plugin";
import type { Lifecycle } from "../harness/lifecycle";
import { kubeObjectsOf } from "../harness/state";

/** `pulumi destroy`: nothing the stack created is left, in the API server or in GitLab, and its state is empty. */
export function destroySteps(lifecycle: () => Lifecycle): void {
  it("pulumi destroy leaves nothing: every namespaced and cluster-scoped object is gone, GitLab holds none of its objects, the stack is empty", async () => {
    const { stack, kubectl } = lifecycle();
    const resources = await stack.resources();
    const objects = kubeObjectsOf(resources);
    assert.ok(objects.some((o) => o.kind === "Namespace") && objects.some((o) => o.namespace !== undefined));
    const gitlabIds = resources
      .filter((r) => r.type.startsWith("gitlab:index/"))
      .map((r) => `${r.type} ${r.id}`);
    assert.ok(gitlabIds.length > 0, "the stack has no GitLab objects");

    await stack.ok(["destroy", "--yes", "--suppress-progress"]);
    assert.equal((await missingObjects(kubectl, objects)).length, objects.length, "objects are left behind");
    const stored = JSON.parse(fs.readFileSync(gitlabDoubleState(stack.workspace), "utf8")) as {
      objects: Record<string, unknown>;
    };
    assert.deepEqual(
      gitlabIds.filter((id) => id in stored.objects),
      [],
    );
    assert.deepEqual(await stack.resources(), []);
  });
}
