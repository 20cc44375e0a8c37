import { adminKubeconfigReason, credentialIn, isCredentialName, kubeconfigText } from "../credentials";
import { MANDATORY, ResourceRule } from "../rule";
import { INSTANCE_VARIABLE_TYPE, VARIABLE_TYPES } from "../stack-index";
import { Finding, ResourceView, asString, describe, isSecret, isUnknown, reveal } from "../view";

type VariableText = { state: "known"; text: string } | { state: "unknown" } | { state: "hidden" };

/** The variable's value as far as the reader can see it (secrets in an export hide their plaintext). */
function valueOf(resource: ResourceView): VariableText {
  const raw = resource.props.value;
  if (isUnknown(raw)) return { state: "unknown" };
  if (isSecret(raw) && !("plaintext" in raw)) return { state: "hidden" };
  const text = reveal(raw);
  return typeof text === "string" ? { state: "known", text } : { state: "hidden" };
}

function keyOf(resource: ResourceView): string {
  return asString(resource.props.key) ?? resource.name;
}

function holdsKubeconfig(resource: ResourceView): boolean {
  const value = valueOf(resource);
  return (
    /KUBE_?CONFIG/i.test(keyOf(resource)) ||
    (value.state === "known" && kubeconfigText(value.text) !== undefined)
  );
}

/** Whether the variable holds a credential; undefined when that cannot be told (value unknown at preview). */
function holdsCredential(resource: ResourceView): boolean | undefined {
  if (isCredentialName(keyOf(resource))) return true;
  const value = valueOf(resource);
  if (value.state === "unknown") return undefined;
  if (value.state === "hidden") return true;
  return credentialIn(value.text) !== undefined;
}

export const secretsVariablesMaskedProtected: ResourceRule = {
  kind: "resource",
  name: "secrets-variables-masked-protected",
  threats: ["DEV-21", "MAINT-5"],
  description:
    "CI/CD variables that hold credentials are masked and protected, and belong to a group or project, not the whole instance.",
  severity: "high",
  enforcement: MANDATORY,
  types: VARIABLE_TYPES,
  check(resource) {
    if (holdsKubeconfig(resource)) return [];
    const credential = holdsCredential(resource);
    const key = keyOf(resource);
    if (credential === undefined) {
      return [
        {
          field: "value",
          couldNotCheck: true,
          message: `${describe(resource)}: the value of ${key} is unknown at preview, so it could not be told whether it is a credential — mark it masked and protected, or name it so its purpose is clear`,
        },
      ];
    }
    if (!credential) return [];
    const findings: Finding[] = [];
    if (resource.props.masked !== true) {
      findings.push({
        field: "masked",
        message: `${describe(resource)}: ${key} holds a credential but masked is not true — set masked: true (and hidden: true) so job logs never show it`,
      });
    }
    if (resource.props.protected !== true) {
      findings.push({
        field: "protected",
        message: `${describe(resource)}: ${key} holds a credential but protected is not true — set protected: true so only protected branches and tags receive it`,
      });
    }
    if (resource.type === INSTANCE_VARIABLE_TYPE) {
      findings.push({
        field: "key",
        message: `${describe(resource)}: ${key} holds a credential as an instance variable, which every project on the instance receives — move it to the group or project that needs it`,
      });
    }
    return findings;
  },
};

function scopeFinding(resource: ResourceView, key: string): Finding[] {
  if (resource.type === INSTANCE_VARIABLE_TYPE) {
    return [
      {
        field: "environmentScope",
        message: `${describe(resource)}: ${key} is an instance variable, which every project receives and which cannot be scoped to an environment — move it to the project or group that deploys, scoped to its environment`,
      },
    ];
  }
  const scope = resource.props.environmentScope;
  if (isUnknown(scope)) {
    return [
      {
        field: "environmentScope",
        couldNotCheck: true,
        message: `${describe(resource)}: environmentScope of ${key} is unknown at preview — set it to the deploy environment`,
      },
    ];
  }
  if (typeof scope === "string" && scope !== "" && scope !== "*") return [];
  return [
    {
      field: "environmentScope",
      message: `${describe(resource)}: ${key} is a kubeconfig available to every environment (scope "${String(scope ?? "*")}") — set environmentScope to the environment it deploys to`,
    },
  ];
}

export const secretsKubeconfigVariables: ResourceRule = {
  kind: "resource",
  name: "secrets-kubeconfig-variables",
  threats: ["MAINT-1", "MAINT-2", "MAINT-3"],
  description:
    "Kubeconfig variables are file type, protected, scoped to one environment and not an administrator's.",
  severity: "critical",
  enforcement: MANDATORY,
  types: VARIABLE_TYPES,
  check(resource) {
    if (!holdsKubeconfig(resource)) return [];
    const key = keyOf(resource);
    const findings: Finding[] = [];
    if (resource.props.variableType !== "file") {
      findings.push({
        field: "variableType",
        message: `${describe(resource)}: ${key} holds a kubeconfig as "${String(resource.props.variableType ?? "env_var")}" — set variableType: "file" so tools read it from a file, not the environment`,
      });
    }
    if (resource.props.protected !== true) {
      findings.push({
        field: "protected",
        message: `${describe(resource)}: ${key} holds a kubeconfig but protected is not true — set protected: true`,
      });
    }
    findings.push(...scopeFinding(resource, key));
    const value = valueOf(resource);
    const text = value.state === "known" ? kubeconfigText(value.text) : undefined;
    const admin = text ? adminKubeconfigReason(text) : undefined;
    if (admin) {
      findings.push({
        field: "value",
        message: `${describe(resource)}: ${key} is an administrator kubeconfig: ${admin} — use a deploy ServiceAccount's token bound to the target namespace only`,
      });
    }
    return findings;
  },
};
