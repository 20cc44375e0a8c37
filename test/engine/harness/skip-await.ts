/**
 * TEST ONLY, preloaded into the program by the engine tests (NODE_OPTIONS): the test API server has no nodes, so
 * no pod ever runs and the Kubernetes provider would wait for every workload's rollout until it times out. Before
 * the program's entry file loads, this registers a stack transformation that adds `pulumi.com/skipAwait: "true"`
 * to the objects whose readiness needs running pods; the shipped program never carries it.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";

const PROGRAM = path.resolve(__dirname, "../../../index.ts");

/** Types whose await waits for pods (rollouts, endpoints) or a provisioner (claims). */
export const AWAITS_PODS = new Set([
  "kubernetes:apps/v1:StatefulSet",
  "kubernetes:apps/v1:Deployment",
  "kubernetes:apps/v1:DaemonSet",
  "kubernetes:core/v1:Service",
  "kubernetes:core/v1:PersistentVolumeClaim",
  "kubernetes:core/v1:Pod",
  "kubernetes:batch/v1:Job",
]);

export const SKIP_AWAIT = "pulumi.com/skipAwait";

function skipAwait(args: pulumi.ResourceTransformationArgs): pulumi.ResourceTransformationResult | undefined {
  if (!AWAITS_PODS.has(args.type)) return undefined;
  type Metadata = { annotations?: pulumi.Input<Record<string, pulumi.Input<string>>> };
  const given = (args.props as { metadata?: pulumi.Input<Metadata> }).metadata ?? {};
  const annotate = (m: Metadata) => ({
    ...m,
    annotations: pulumi.output(m.annotations ?? {}).apply((a) => ({ ...a, [SKIP_AWAIT]: "true" })),
  });
  // A plain metadata object stays plain, so that nothing in it becomes unknown in a preview.
  const metadata =
    pulumi.Output.isInstance(given) || given instanceof Promise
      ? pulumi.output(given).apply(annotate)
      : annotate(given);
  return { props: { ...args.props, metadata }, opts: args.opts };
}

type Compile = (module: NodeJS.Module, filename: string) => void;
const extensions = require.extensions as Record<string, Compile>;
const compileTs = extensions[".ts"];
if (!compileTs) throw new Error("skip-await.ts must load after tools/typescript/register.js");
extensions[".ts"] = (module, filename) => {
  // The program's entry loads inside the stack, so the stack resource exists by then.
  if (filename === PROGRAM) pulumi.runtime.registerStackTransformation(skipAwait);
  compileTs(module, filename);
};
