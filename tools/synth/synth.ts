import { stringify } from "yaml";
import { type CacheType, DATA_KEYS } from "../../model/fleet";
import { ANNOTATIONS, LABELS } from "../../model/labels";
import { POD_SECURITY_ENFORCE_LABEL } from "../../model/pod-security";
import { PROGRAM_MODULE, ProgramRun, runProgram } from "./engine";
import { K8sObject, kubernetesObjects, objectPath } from "./k8s-files";
import { loadStackConfig, monitoringOf } from "../../config";
import { planMonitoring } from "../../model/monitoring";
import { environmentOf } from "../../model/environment";
import { settingsReader } from "./settings-reader";
import { type MissingSecret, offlineStackSettings } from "./stack-config";
import { stackExport } from "./stack-export";
import { agentConfigFiles } from "./agent-files";
import { renderSummary } from "./summary";
import { externalVolumeWarningsOf } from "./volume-warnings";

export interface SynthResult {
  /** Relative path → file content. */
  files: Map<string, string>;
  /** Every warning, as summary.md lists them: the program's own (already on the console) and synth's. */
  warnings: string[];
  /** Secrets the stack file does not hold: placeholders stood in for them. */
  missingSecrets: MissingSecret[];
  run: ProgramRun;
}

/** Synthesizes one stack offline: reads its files, runs the program under mocks, renders the output files. */
export async function synthesize(
  root: string,
  stack: string,
  /** Called once every resource is registered, before the files are rendered (the benchmark's mark). */
  onRegistered?: () => void,
): Promise<SynthResult> {
  const { config, run, stackUrn, missingSecrets } = await runStack(root, stack);
  onRegistered?.();
  // The rule file and dashboard, also for a Prometheus without the operator or a Grafana without the sidecar.
  const monitoring = monitoringOf(config, stack);
  const monitoringFiles = planMonitoring(monitoring.spec, monitoring.delivery).files;
  const cacheTypes = new Map(config.fleets.map((fleet) => [fleet.name, fleet.cache.type]));
  return render(run, stack, stackUrn, missingSecrets, { cacheTypes, monitoringFiles });
}

/** Reads a stack's files, validates its configuration and runs the program under mocks: what synth renders from. */
export async function runStack(root: string, stack: string) {
  const { project, settings, missingSecrets } = offlineStackSettings(root, stack);
  // The stack file itself shows what the engine hides from the program (plain text beside encrypted values):
  // validated here first, every problem is reported at once.
  const config = loadStackConfig(settingsReader(settings), environmentOf(stack));
  const run = await runProgram({
    project,
    stack,
    config: settings.config,
    secretKeys: settings.secretKeys,
    program: PROGRAM_MODULE,
  });
  const stackUrn = `urn:pulumi:${stack}::${project}::pulumi:pulumi:Stack::${project}-${stack}`;
  return { config, run, stackUrn, missingSecrets };
}

function render(
  run: ProgramRun,
  stack: string,
  stackUrn: string,
  missingSecrets: MissingSecret[],
  rendered: { cacheTypes: ReadonlyMap<string, CacheType>; monitoringFiles: Map<string, string> },
): SynthResult {
  const files = new Map<string, string>(rendered.monitoringFiles);
  files.set("stack.json", JSON.stringify(stackExport(run, stackUrn), null, 2) + "\n");
  const objects = kubernetesObjects(run.resources).map((o) => o.object);
  for (const object of objects) files.set(objectPath(object), stringify(object, { lineWidth: 0 }));
  const runnerFiles = runnerConfigs(objects);
  for (const [file, text] of runnerFiles) files.set(file, text);
  for (const [file, text] of agentConfigFiles(run.resources)) files.set(file, text);
  // What the program warned about, and what synth reads off the rendered objects; each once.
  const warnings = [
    ...new Set([...warningsFor(objects), ...run.warnings, ...externalVolumeWarningsOf(objects, runnerFiles)]),
  ];
  files.set(
    "summary.md",
    renderSummary({
      stack,
      resources: run.resources,
      objects,
      runnerConfigs: runnerFiles,
      cacheTypes: rendered.cacheTypes,
      warnings,
      missingSecrets,
      files,
    }),
  );
  const sorted = new Map([...files.entries()].sort(([a], [b]) => a.localeCompare(b)));
  return { files: sorted, warnings, missingSecrets, run };
}

/** Each fleet's config.toml, from the ConfigMap the runner manager mounts. */
function runnerConfigs(objects: K8sObject[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const o of objects) {
    const toml = (o.data as Record<string, string> | undefined)?.[DATA_KEYS.configToml];
    const fleet = o.metadata.labels?.[LABELS.instance];
    if (o.kind === "ConfigMap" && toml !== undefined && fleet) out.set(`runner/${fleet}.config.toml`, toml);
  }
  return out;
}

function warningsFor(objects: K8sObject[]): string[] {
  return objects
    .filter((o) => o.kind === "Namespace" && o.metadata.labels?.[POD_SECURITY_ENFORCE_LABEL] === "privileged")
    .map(
      (o) =>
        `namespace ${o.metadata.name} admits privileged pods (${String((o.metadata.annotations as Record<string, string>)?.[ANNOTATIONS.podSecurityReason] ?? "")}); its jobs can take over the nodes they run on`,
    );
}
