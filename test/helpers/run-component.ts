import { RecordedResource, runProgram } from "../../tools/synth/engine";
import type { OfflineAnswers } from "../../tools/synth/mock-outputs";

/** The zones component tests create networks in, offering an Enhanced NAT gateway unless a test says otherwise. */
export const TEST_ZONES = ["cn-hangzhou-i", "cn-hangzhou-j"];

/** Declares resources under the recording mock runtime and returns what the engine would have recorded. */
export async function recordResources(
  declare: () => unknown,
  stack = "test",
  answers: OfflineAnswers = { enhancedNatZones: TEST_ZONES },
): Promise<RecordedResource[]> {
  const run = await runProgram({
    project: "gitlab-ci-platform",
    stack,
    config: {},
    secretKeys: [],
    program: declare,
    answers,
  });
  return run.resources;
}

/** A recorded resource's inputs, as free-form as the engine records them. */
export type Inputs = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- recorded inputs are free-form

export const inputs = (r: RecordedResource): Inputs => r.inputs as Inputs;

export function ofType(resources: RecordedResource[], type: string): RecordedResource[] {
  return resources.filter((r) => r.type === type);
}

export function one(resources: RecordedResource[], type: string, name?: string): RecordedResource {
  const found = ofType(resources, type).filter((r) => name === undefined || r.name === name);
  if (found.length !== 1)
    throw new Error(`expected one ${type}${name ? ` named ${name}` : ""}, found ${found.length}`);
  return found[0];
}
