import { TomlTable, kubernetesOf, runnerPath } from "../config-toml";
import { OverwritePattern, isAnchored, overwritePattern } from "../overwrite-pattern";
import { MANDATORY, StackRule } from "../rule";
import { bindingsOf, serviceAccountsIn } from "../service-accounts";
import { Fleet, fleetsOf } from "../stack-index";
import { Finding, ResourceView, asString, describe, objectName } from "../view";
import { patternFinding, unreadableFleet } from "./fleet-findings";

type Located = Finding & { resource: ResourceView };

const IDENTITY_KEYS = ["service_account_overwrite_allowed", "namespace_overwrite_allowed"] as const;

/** Accounts of the job namespace, other than the configured one, that the pattern admits and that hold rights. */
function privilegedSwitches(resources: ResourceView[], kubernetes: TomlTable, pattern: OverwritePattern) {
  if (pattern.state !== "usable") return [];
  const namespace = asString(kubernetes.namespace) ?? "default";
  const configured = asString(kubernetes.service_account) || "default";
  return serviceAccountsIn(resources, namespace)
    .map(objectName)
    .filter((name) => name !== configured && pattern.admits(name))
    .map((name) => ({ name, bindings: bindingsOf(resources, { namespace, name }).map((b) => b.name) }))
    .filter(({ bindings }) => bindings.length > 0);
}

function identityFindings(
  fleet: Fleet,
  resources: ResourceView[],
  runner: TomlTable,
  index: number,
): Finding[] {
  const kubernetes = kubernetesOf(runner);
  const where = `${describe(fleet.configMap)}: ${runnerPath(runner, index)} [runners.kubernetes]`;
  return IDENTITY_KEYS.flatMap((key): Finding[] => {
    const source = asString(kubernetes[key]);
    if (!source) return [];
    const pattern = overwritePattern(source);
    if (pattern.state === "unsupported") return [patternFinding(where, key, pattern)];
    const findings: Finding[] = [];
    if (!isAnchored(source)) {
      findings.push({
        field: "data.config.toml",
        message: `${where} ${key} "${source}" is not bound with ^…$: the runner matches it anywhere in the value a job sets, so any name that merely contains a match passes — write it as ^(…)$`,
      });
    }
    if (key === "service_account_overwrite_allowed") {
      for (const { name, bindings } of privilegedSwitches(resources, kubernetes, pattern)) {
        findings.push({
          field: "data.config.toml",
          message: `${where} ${key} "${source}" lets a job run as service account "${name}", which ${bindings.join(", ")} give rights — narrow the pattern to accounts without rights, or remove it`,
        });
      }
    }
    return findings;
  });
}

export const jobPodsIdentityOverwrites: StackRule = {
  kind: "stack",
  name: "job-pods-identity-overwrites",
  threats: ["DEV-6", "DEV-7"],
  description:
    "Namespace and ServiceAccount overwrites are bound with ^…$ (the runner matches patterns anywhere in the value) and admit no account that holds rights.",
  severity: "critical",
  enforcement: MANDATORY,
  checkStack(resources) {
    return fleetsOf(resources).flatMap((fleet): Located[] => {
      if (fleet.config.state !== "parsed") return unreadableFleet(fleet, "its overwrite patterns");
      return fleet.config.config.runners
        .flatMap((runner, index) => identityFindings(fleet, resources, runner, index))
        .map((finding) => ({ ...finding, resource: fleet.configMap }));
    });
  },
};
