import { ProgramRun } from "./engine";
import { redactForExport } from "./redact";

/**
 * The shape of `pulumi stack export` (deployment version 3) with secrets redacted. The time is fixed so the
 * same configuration always exports byte-identical files.
 */
export function stackExport(run: ProgramRun, stackUrn: string): unknown {
  const resources = run.resources.map((r) => ({
    urn: r.urn,
    custom: r.custom,
    ...(r.id !== undefined ? { id: r.id } : {}),
    type: r.type,
    inputs: redactForExport(r.inputs),
    // The stack's registered outputs keep their secret markers; the program's returned values do not.
    outputs: redactForExport(
      r.urn === stackUrn && !Object.keys(r.outputs).length ? run.stackOutputs : r.outputs,
    ),
    ...(r.parent ? { parent: r.parent } : {}),
    ...(r.provider ? { provider: r.provider } : {}),
    ...(r.dependencies.length ? { dependencies: r.dependencies } : {}),
    ...(Object.keys(r.propertyDependencies).length ? { propertyDependencies: r.propertyDependencies } : {}),
    ...(r.options.additionalSecretOutputs.length
      ? { additionalSecretOutputs: r.options.additionalSecretOutputs }
      : {}),
    ...(r.options.protect ? { protect: true } : {}),
    ...(r.options.retainOnDelete ? { retainOnDelete: true } : {}),
  }));
  return {
    version: 3,
    deployment: {
      manifest: { time: "1970-01-01T00:00:00Z", magic: "", version: "synth" },
      resources,
    },
  };
}
