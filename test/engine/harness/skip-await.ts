/**
 * TEST ONLY, preloaded into the program by the engine tests (NODE_OPTIONS): the test API server has no nodes, so
 * no pod ever runs and the Kubernetes provider would wait for every workload's rollout until it times out. Before
 * the program's entry file loads, this registers a stack transformation that adds `pulumi.com/skipAwait: "true"`
 * to the objects whose readiness needs running pods; the shipped program never carries it.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { annotating } from "../../../components/cluster/owned-objects";

const PROGRAM = path.resolve(__dirname, "../../../index.ts");

/** Types whose await waits for pods (rollouts, endpoints) or a provisioner (claims). */
const AWAITS_PODS = new Set([
  "kubernetes:apps/v1:StatefulSet",
  "kubernetes:apps/v1:Deployment",
  "kubernetes:apps/v1:DaemonSet",
  "kubernetes:core/v1:Service",
  "kubernetes:core/v1:PersistentVolumeClaim",
  "kubernetes:core/v1:Pod",
  "kubernetes:batch/v1:Job",
]);

const skipAwait = annotating({ "pulumi.com/skipAwait": "true" }, (type) => AWAITS_PODS.has(type));

type Compile = (module: NodeJS.Module, filename: string) => void;
const extensions = require.extensions as Record<string, Compile>;
const compileTs = extensions[".ts"];
if (!compileTs) throw new Error("skip-await.ts must load after tools/typescript/register.js");
extensions[".ts"] = (module, filename) => {
  // The program's entry loads inside the stack, so the stack resource exists by then.
  if (filename === PROGRAM) pulumi.runtime.registerStackTransformation(skipAwait);
  compileTs(module, filename);
};
