import { strict as assert } from "node:assert";
import { PROJECT } from "../../../config";
import { weeklyChanges } from "../../../tools/bench/footprint";
import { type FootprintRow, footprint } from "../../../tools/bench/footprint-run";
import { PROJECT_ROOT } from "../../cluster/harness/assets";
import type { Kubectl } from "../../cluster/harness/kubectl";
import { getObject, statefulSetRevision } from "../harness/cluster-checks";
import { firstFleet, type Lifecycle, type Shape } from "../harness/lifecycle";
import type { StackConfigValues } from "../harness/test-stacks";
import type { TestStack } from "../harness/stack";
import { plannedChanges, resourceNamed, shortName } from "../harness/state";

type Metadata = { name: string; namespace: string };

async function objectOf(stack: TestStack, type: string, logicalName: string): Promise<Metadata> {
  const resource = resourceNamed(await stack.resources(), type, logicalName);
  return (resource.outputs as { metadata: Metadata }).metadata;
}

async function tokenSecretVersion(stack: TestStack, kubectl: Kubectl, fleet: string): Promise<string> {
  const { name, namespace } = await objectOf(stack, "kubernetes:core/v1:Secret", `${fleet}-token`);
  return (await getObject(kubectl, "secret", namespace, name)).resourceVersion;
}

/**
 * The one-setting changes `npm run bench` reports (what the synthesized diff of each touches, and which pod
 * templates it changes), each previewed under the real engine on its own: `pulumi preview --json` plans exactly
 * those resources, every one an update. Then one `pulumi up` applies them all; the first fleet's StatefulSet
 * keeps its pod template revision unless the benchmark says a change rolls it.
 */
export function changeSteps(shape: Shape, lifecycle: () => Lifecycle): void {
  const fleet = firstFleet(shape);
  const changes = weeklyChanges(PROJECT, fleet);
  let claims: FootprintRow[] = [];
  let original: StackConfigValues = {};

  before(function () {
    this.timeout(120000);
    // What the benchmark claims, from the stack file as it is before the changes.
    claims = footprint(PROJECT_ROOT, lifecycle().stack.name, changes);
    lifecycle().stack.editConfig((c) => void (original = structuredClone(c)));
  });

  changes.forEach((change, i) => {
    const kind = change.configTomlOnly ? "config.toml only" : "GitLab and the manager";
    it(`${change.what} (${kind}): pulumi preview --json plans exactly the updates the benchmark claims`, async () => {
      const { stack } = lifecycle();
      stack.editConfig((c) => {
        for (const key of Object.keys(c)) delete c[key];
        Object.assign(c, structuredClone(original));
        change.edit(c);
      });
      const planned = plannedChanges(await stack.previewJson());
      const claimed = claims[i].changed.map((urn) => `update ${shortName(urn)}`).sort();
      assert.deepEqual(
        planned.filter((step) => !step.startsWith("update ")),
        [],
        "only updates",
      );
      assert.deepEqual(
        claimed.filter((step) => !planned.includes(step)),
        [],
        "every claimed update is planned",
      );
      // While GitLab updates the runner its token reads as unknown, so the preview lists the token Secret too.
      const runnerUpdated = planned.includes(`update UserRunner ${fleet}-runner`);
      const unclaimed = planned.filter((step) => !claimed.includes(step));
      assert.deepEqual(unclaimed, runnerUpdated ? [`update Secret ${fleet}-token`] : []);
    });
  });

  it("pulumi up applies them all: the token Secret is untouched, the pod template revision changes only where claimed", async () => {
    const { stack, kubectl } = lifecycle();
    const manager = await objectOf(stack, "kubernetes:apps/v1:StatefulSet", `${fleet}-manager`);
    const revisionBefore = await statefulSetRevision(kubectl, manager.namespace, manager.name);
    const tokenBefore = await tokenSecretVersion(stack, kubectl, fleet);
    stack.editConfig((c) => {
      for (const change of changes) change.edit(c);
    });
    await stack.up();
    assert.equal(
      await tokenSecretVersion(stack, kubectl, fleet),
      tokenBefore,
      "the token Secret was rewritten",
    );
    const rolls = claims.some((claim) => claim.rolled.some((urn) => urn.endsWith(`::${fleet}-manager`)));
    const tomlOnlyRolls = claims.filter((c) => c.change.configTomlOnly && c.rolled.length > 0);
    assert.deepEqual(
      tomlOnlyRolls.map((c) => c.change.what),
      [],
      "the benchmark claims a config.toml-only change rolls",
    );
    const revisionAfter = await statefulSetRevision(kubectl, manager.namespace, manager.name);
    if (rolls) assert.notEqual(revisionAfter, revisionBefore, "the pod template should have changed");
    else
      assert.equal(
        revisionAfter,
        revisionBefore,
        "the pods' template hash changed: the managers would restart",
      );
    const replicas = (await getObject(kubectl, "statefulset", manager.namespace, manager.name)).spec
      ?.replicas;
    let wanted: number | undefined;
    stack.editConfig(
      (c) =>
        void (wanted = (c[`${PROJECT}:fleets`] as { name: string; replicas?: number }[]).find(
          (f) => f.name === fleet,
        )?.replicas),
    );
    assert.equal(replicas, wanted, "the replica count did not reach the StatefulSet");
  });
}
