import { createLifecycle, type Lifecycle, SHAPES } from "./harness/lifecycle";
import { agentRotationSteps } from "./steps/agent-rotation";
import { applySteps } from "./steps/apply";
import { changeSteps } from "./steps/changes";
import { destroySteps } from "./steps/destroy";
import { driftSteps } from "./steps/drift";
import { policySteps } from "./steps/policy";
import { rotationSteps } from "./steps/rotation";

/** ENGINE_STACKS=dev (or prod) runs one of the two, e.g. while working on it. */
const selected = process.env.ENGINE_STACKS?.split(",");

for (const shape of SHAPES.filter((s) => !selected || selected.includes(s.source))) {
  describe(`the ${shape.source} stack (${shape.stack}) through the real engine`, () => {
    let lifecycle: Lifecycle | undefined;
    const current = () => {
      if (!lifecycle) throw new Error(`the stack ${shape.stack} was not created (see the hook's error)`);
      return lifecycle;
    };
    before(async () => {
      lifecycle = await createLifecycle(shape);
    });

    describe("preview, up, no drift", () => applySteps(current));
    describe("the policy pack in the engine's analyzer", () => policySteps(shape, current));
    describe("one-setting changes", () => changeSteps(shape, current));
    describe("credential rotation", () => {
      rotationSteps(current);
      // The dev stack runs the GitLab agent; prod has none.
      if (shape.source === "dev") agentRotationSteps(current);
    });
    // One stack is enough for a hand edit: the mechanism is the same for every object of every stack.
    if (shape.source === "dev") describe("hand edits", () => driftSteps(shape, current));
    describe("destroy", () => destroySteps(current));
  });
}
