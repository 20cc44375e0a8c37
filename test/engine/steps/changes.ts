import { strict as assert } from "node:assert";
import { PROJECT } from "../../../config";
import { weeklyChanges } from "../../../tools/bench/footprint";
import { type FootprintRow, footprint } from "../../../tools/bench/footprint-run";
import { PROJECT_ROOT } from "../../cluster/harness/assets";
import type { Kubectl } from "../../cluster/harness/kubectl";
import { getObject, statefulSetRevision } from "../harness/cluster-checks";
import type { TestStack } from "../harness/stack";
import { firstFleet, type Lifecycle, type Shape } from "../harness/lifecycle";
import { plannedChanges, resourceNamed, shortName } from "../harness/state";

/**
 * The one-setting changes `npm run bench` reports (what the synthesized diff of each touches, and which pod
 * templates it changes), made one after the other under the real engine: `pulumi preview --json` plans exactly
 * those resources, each an update, and after `pulumi up` the first fleet's StatefulSet has a new pod template
 * revision only where the benchmark says its template changes.
 */
export function changeSteps(shape: Shape, lifecycle: () => Lifecycle): void {
  const fleet = firstFleet(shape);
  const changes = weeklyChanges(PROJECT, fleet);
  let claims: FootprintRow[] = [];

  before(function () {
    this.timeout(120000);
    // What the benchmark claims, from the stack file as it is before the first change.
    claims = footprint(PROJECT_ROOT, lifecycle().stack.name, changes);
  });

  changes.forEach((change, i) => {
    const kind = change.configTomlOnly ? "config.toml only" : "GitLab and the manager";
    it(`${change.what} (${kind}): preview --json updates exactly what the benchmark claims, up applies it`, async () => {
      const { stack, kubectl } = lifecycle();
      const claim = claims[i];
      const manager = resourceNamed(
        await stack.resources(),
        "kubernetes:apps/v1:StatefulSet",
        `${fleet}-manager`,
      );
      const { name, namespace } = (manager.outputs as { metadata: { name: string; namespace: string } })
        .metadata;
      const revisionBefore = await statefulSetRevision(kubectl, namespace, name);

      stack.editConfig(change.edit);
      const planned = plannedChanges(await stack.previewJson());
      const claimed = claim.changed.map((urn) => `update ${shortName(urn)}`).sort();
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
      const tokenSecret = await secretVersion(stack, kubectl, `${fleet}-token`);
      await stack.up();
      assert.equal(
        await secretVersion(stack, kubectl, `${fleet}-token`),
        tokenSecret,
        "the token Secret changed",
      );

      const rolls = claim.rolled.some((urn) => urn.endsWith(`::${fleet}-manager`));
      assert.equal(
        !change.configTomlOnly || !rolls,
        true,
        "the benchmark claims a config.toml-only change rolls",
      );
      const revisionAfter = await statefulSetRevision(kubectl, namespace, name);
      if (rolls) assert.notEqual(revisionAfter, revisionBefore, "the pod template should have changed");
      else
        assert.equal(
          revisionAfter,
          revisionBefore,
          "the pods' template hash changed: the managers would restart",
        );
    });
  });
}

async function secretVersion(stack: TestStack, kubectl: Kubectl, logicalName: string): Promise<string> {
  const secret = resourceNamed(await stack.resources(), "kubernetes:core/v1:Secret", logicalName);
  const { name, namespace } = (secret.outputs as { metadata: { name: string; namespace: string } }).metadata;
  return (await getObject(kubectl, "secret", namespace, name)).resourceVersion;
}
