import { strict as assert } from "node:assert";
import { PROJECT } from "../../../config";
import { getObject, type ObjectState } from "../harness/cluster-checks";
import type { Lifecycle } from "../harness/lifecycle";
import type { StateResource } from "../harness/stack";
import { plannedChanges } from "../harness/state";

type Metadata = { name: string; namespace: string };
const metadataOf = (r: StateResource) => (r.outputs as { metadata: Metadata }).metadata;
const logicalName = (r: StateResource) => r.urn.split("::").pop() ?? r.urn;

type Fleet = { name: string; cache?: { type: string }; tokenRotation?: string };

interface Rotation {
  what: string;
  /** The fleets whose credential this is (none: the stack does not use it, the test is skipped). */
  fleets(fleets: Fleet[]): Fleet[];
  rotate(lifecycle: Lifecycle, fleets: Fleet[]): Promise<void>;
  /** The Secret holding a fleet's copy of the credential (logical name). */
  secret(fleet: string): string;
  /** Whether the fleet's managers read it from their environment, and so must restart onto the new value. */
  managersRoll: boolean;
  /** What else the preview plans besides the Secrets' updates and the StatefulSets' rolls. */
  alsoPlanned(fleets: Fleet[]): string[];
}

const ROTATIONS: Rotation[] = [
  {
    what: "a new S3 cache key pair: each caching fleet's key Secret is updated in place and its managers roll",
    fleets: (fleets) => fleets.filter((f) => f.cache?.type === "s3"),
    rotate: (l) =>
      l.stack.setSecrets({ cacheS3AccessKey: "cache-access-key-2", cacheS3SecretKey: "cache-secret-key-2" }),
    secret: (fleet) => `${fleet}-cache-s3`,
    managersRoll: true,
    alsoPlanned: () => [],
  },
  {
    what: "a new registry password: the pull Secrets and GitLab's REGISTRY_PASSWORD are updated in place; no manager restarts (job pods read the Secret when they start)",
    fleets: (fleets) => fleets,
    rotate: (l) => l.stack.setSecrets({ registryPassword: "registry-password-2" }),
    secret: (fleet) => `${fleet}-registry`,
    managersRoll: false,
    alsoPlanned: () => ["REGISTRY_PASSWORD"],
  },
  {
    what: "tokenRotation set for the first time: the runner is replaced in GitLab, its token Secret updated in place, its managers roll",
    fleets: (fleets) => fleets.slice(0, 1),
    rotate: (l, fleets) =>
      Promise.resolve(
        l.stack.editConfig((c) => {
          const fleet = (c[`${PROJECT}:fleets`] as Fleet[]).find((f) => f.name === fleets[0].name);
          if (fleet) fleet.tokenRotation = "2026-11";
        }),
      ),
    secret: (fleet) => `${fleet}-token`,
    managersRoll: true,
    alsoPlanned: (fleets) => [`replace UserRunner ${fleets[0].name}-runner`],
  },
];

async function objectsOf(
  lifecycle: Lifecycle,
  type: string,
  names: string[],
): Promise<Map<string, ObjectState>> {
  const kind = type === "kubernetes:core/v1:Secret" ? "secret" : "statefulset";
  const resources = (await lifecycle.stack.resources()).filter(
    (r) => r.type === type && names.includes(logicalName(r)),
  );
  assert.equal(resources.length, names.length, `the state lacks some of ${names.join(", ")}`);
  const states = await Promise.all(
    resources.map(
      async (r) =>
        [
          logicalName(r),
          await getObject(lifecycle.kubectl, kind, metadataOf(r).namespace, metadataOf(r).name),
        ] as const,
    ),
  );
  return new Map(states);
}

export function rotationSteps(lifecycle: () => Lifecycle): void {
  for (const rotation of ROTATIONS) {
    it(rotation.what, async function () {
      const l = lifecycle();
      let all: Fleet[] = [];
      l.stack.editConfig((c) => void (all = structuredClone(c[`${PROJECT}:fleets`] as Fleet[])));
      const fleets = rotation.fleets(all);
      if (fleets.length === 0) this.skip();
      const secretNames = fleets.map((f) => rotation.secret(f.name));
      const managerNames = all.map((f) => `${f.name}-manager`);
      const secretsBefore = await objectsOf(l, "kubernetes:core/v1:Secret", secretNames);
      const managersBefore = await objectsOf(l, "kubernetes:apps/v1:StatefulSet", managerNames);

      await rotation.rotate(l, fleets);
      const planned = plannedChanges(await l.stack.previewJson());
      const rolled = rotation.managersRoll ? fleets.map((f) => `update StatefulSet ${f.name}-manager`) : [];
      const expected = [...secretNames.map((n) => `update Secret ${n}`), ...rolled];
      assert.deepEqual(
        expected.filter((e) => !planned.includes(e)),
        [],
        `planned: ${planned.join(", ")}`,
      );
      for (const other of rotation.alsoPlanned(fleets))
        assert.ok(
          planned.some((p) => p.includes(other)),
          `the preview does not plan ${other}: ${planned.join(", ")}`,
        );
      assert.deepEqual(
        planned.filter((p) => p.startsWith("replace ") && !rotation.alsoPlanned(fleets).includes(p)),
        [],
      );
      await l.stack.up();

      const secretsAfter = await objectsOf(l, "kubernetes:core/v1:Secret", secretNames);
      for (const name of secretNames) {
        const [before, after] = [secretsBefore.get(name), secretsAfter.get(name)];
        assert.equal(after?.uid, before?.uid, `Secret ${name} was re-created instead of updated in place`);
        assert.notDeepEqual(after?.data, before?.data, `Secret ${name} still holds the old value`);
      }
      const managersAfter = await objectsOf(l, "kubernetes:apps/v1:StatefulSet", managerNames);
      const rollingFleets = new Set(rotation.managersRoll ? fleets.map((f) => f.name) : []);
      for (const fleet of all) {
        const name = `${fleet.name}-manager`;
        const [before, after] = [managersBefore.get(name), managersAfter.get(name)];
        const changed = JSON.stringify(before?.spec?.template) !== JSON.stringify(after?.spec?.template);
        assert.equal(
          changed,
          rollingFleets.has(fleet.name),
          `StatefulSet ${name}: pod template ${changed ? "changed" : "unchanged"}`,
        );
      }
    });
  }
}
