import { strict as assert } from "node:assert";
import * as path from "node:path";
import { PROJECT } from "../../../config";
import { PROJECT_ROOT } from "../../cluster/harness/assets";
import type { Lifecycle, Shape } from "../harness/lifecycle";

const PACK = path.join(PROJECT_ROOT, "policy");
const packArgs = (shape: Shape) => [
  "--policy-pack",
  PACK,
  "--policy-pack-config",
  path.join(PACK, "config", `${shape.source}.json`),
];

/** A setting that passes the program's validation in a dev stack but breaks a mandatory policy. */
const PLANTED = {
  policy: "runners-protect-credentialed-fleets",
  fleet: "kaniko",
  edit: { protected: false },
};

type Fleet = { name: string } & Record<string, unknown>;

/** `pulumi preview --policy-pack policy`: the pack run by the engine's own analyzer over the planned resources. */
export function policySteps(shape: Shape, lifecycle: () => Lifecycle): void {
  it(`pulumi preview --policy-pack policy (the real analyzer, policy/config/${shape.source}.json) passes`, async () => {
    const { stack } = lifecycle();
    const result = await stack.ok(["preview", ...packArgs(shape)]);
    assert.match(
      result.stdout,
      /Policies:[\s\S]*gitlab-ci-platform/,
      `the pack did not run:\n${result.stdout}`,
    );
    assert.doesNotMatch(result.stdout, /mandatory/i);
  });

  if (shape.source !== "dev") return;
  it(`a planted mandatory violation (${PLANTED.fleet} not protected) fails that preview, non-zero, naming ${PLANTED.policy}`, async () => {
    const { stack } = lifecycle();
    let original: Fleet[] = [];
    stack.editConfig((c) => {
      original = structuredClone(c[`${PROJECT}:fleets`] as Fleet[]);
      c[`${PROJECT}:fleets`] = original.map((f) =>
        f.name === PLANTED.fleet ? { ...f, ...PLANTED.edit } : f,
      );
    });
    try {
      const result = await stack.run(["preview", ...packArgs(shape)]);
      assert.notEqual(result.code, 0, "the preview passed");
      assert.match(
        `${result.stdout}\n${result.stderr}`,
        new RegExp(`${PLANTED.policy}.*\\n?.*mandatory|mandatory[\\s\\S]*${PLANTED.policy}`),
      );
    } finally {
      stack.editConfig((c) => void (c[`${PROJECT}:fleets`] = original));
    }
  });
}
