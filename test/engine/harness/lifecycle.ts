import type { Kubectl } from "../../cluster/harness/kubectl";
import { engine } from "./engine";
import { TestStack } from "./stack";
import { devShaped, prodShaped, readStackConfig, type StackConfigValues, testSecrets } from "./test-stacks";

/** A stack the lifecycle runs: its name (the profile follows it), where it comes from, and its policy config. */
export interface Shape {
  stack: string;
  /** The shipped stack it is made from. */
  source: "dev" | "prod";
  config(): StackConfigValues;
}

export const SHAPES: Shape[] = [
  { stack: "dev-engine-test", source: "dev", config: devShaped },
  { stack: "prod-engine-test", source: "prod", config: () => prodShaped(engine().cluster.controlPlane) },
];

export interface Lifecycle {
  shape: Shape;
  stack: TestStack;
  kubectl: Kubectl;
}

/** Creates the stack (file, `pulumi stack init`, secrets); nothing is previewed or applied yet. */
export async function createLifecycle(shape: Shape): Promise<Lifecycle> {
  const { workspace, cluster } = engine();
  const stack = new TestStack(workspace, shape.stack);
  const config = shape.config();
  await stack.init(config, testSecrets(config, cluster.controlPlane.kubeconfig));
  return { shape, stack, kubectl: cluster.kubectl };
}

/** The name of the shipped stack's first fleet, which the one-setting changes edit. */
export function firstFleet(shape: Shape): string {
  const fleets = readStackConfig(shape.source)["gitlab-ci-platform:fleets"] as { name: string }[];
  return fleets[0].name;
}
