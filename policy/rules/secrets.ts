import { CONFIG_MAP_TYPE, TomlTable, parseRunnerConfig, readRunnerConfig, runnerPath } from "../config-toml";
import { credentialIn, isCredentialName } from "../credentials";
import { MANDATORY, ResourceRule, StackRule } from "../rule";
import { SECRET_TYPE, VARIABLE_TYPES } from "../stack-index";
import {
  Finding,
  ResourceView,
  asArray,
  asRecord,
  at,
  describe,
  isSecret,
  isUnknown,
  unknownFinding,
} from "../view";
import { WORKLOAD_TYPES, containersOf, podSpecOf } from "../workloads";

const EXPORT_ONLY =
  "the engine hands policies plaintext, so whether a value is stored as a secret is checked by " +
  "`npm run policy:analyze` and `synth --policy` on the stack export";

/** A literal `token` in a `[[runners]]` entry: anything but a `${VAR}` reference to the manager's environment. */
function literalToken(runner: TomlTable): boolean {
  const token = runner.token;
  return typeof token === "string" && token !== "" && !/^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/.test(token);
}

/** Keys of config.toml that hold credentials, as lower-cased dotted paths under one `[[runners]]` entry. */
const CONFIG_TOML_CREDENTIAL_KEYS = [
  "cache.s3.accesskey",
  "cache.s3.secretkey",
  "cache.s3.sessiontoken",
  "cache.gcs.privatekey",
  "cache.azure.accountkey",
  "kubernetes.bearer_token",
];

function configTomlFindings(resource: ResourceView, key: string, text: string): Finding[] {
  let runners: TomlTable[];
  try {
    runners = parseRunnerConfig(text).runners;
  } catch {
    return [];
  }
  return runners.flatMap((runner, index) => {
    const where = runnerPath(runner, index);
    const findings: Finding[] = [];
    if (literalToken(runner)) {
      findings.push({
        field: `data.${key}`,
        message: `${describe(resource)}: ${where} holds a literal runner token — write token = "\${RUNNER_TOKEN}" and give the manager the token from a Secret (secretKeyRef)`,
      });
    }
    for (const path of CONFIG_TOML_CREDENTIAL_KEYS) {
      const value = at(runner, path);
      if (typeof value === "string" && value !== "") {
        findings.push({
          field: `data.${key}`,
          message: `${describe(resource)}: ${where} sets ${path} in config.toml — take it from the manager's environment (a Secret), never from the ConfigMap`,
        });
      }
    }
    return findings;
  });
}

function configMapEntryFindings(resource: ResourceView, key: string, value: unknown): Finding[] {
  const field = `data.${key}`;
  if (isUnknown(value)) {
    return [
      {
        field,
        couldNotCheck: true,
        message: `${describe(resource)}: ${field} is unknown at preview, so it could not be checked for credentials — make it computable without secrets`,
      },
    ];
  }
  if (isSecret(value)) {
    return [
      {
        field,
        message: `${describe(resource)}: ${field} holds a Pulumi secret — move it to a Kubernetes Secret`,
      },
    ];
  }
  if (typeof value !== "string") return [];
  const kind = credentialIn(value);
  const findings: Finding[] = kind
    ? [
        {
          field,
          message: `${describe(resource)}: ${field} contains ${kind} — move it to a Kubernetes Secret and reference it`,
        },
      ]
    : [];
  if (isCredentialName(key) && value !== "") {
    findings.push({
      field,
      message: `${describe(resource)}: key "${key}" names a credential — store it in a Secret, not a ConfigMap`,
    });
  }
  return key.toLowerCase().endsWith(".toml")
    ? [...findings, ...configTomlFindings(resource, key, value)]
    : findings;
}

export const secretsNotInConfigMaps: ResourceRule = {
  kind: "resource",
  name: "secrets-not-in-configmaps",
  threats: ["EDIT-2", "MGR-4"],
  description: "ConfigMaps (and the config.toml they carry) hold no token, password, key or kubeconfig.",
  severity: "critical",
  enforcement: MANDATORY,
  types: [CONFIG_MAP_TYPE],
  check(resource) {
    const findings: Finding[] = [];
    for (const section of ["data", "binaryData"]) {
      const entries = at(resource.props, section);
      if (isUnknown(entries)) {
        findings.push({
          field: section,
          couldNotCheck: true,
          message: `${describe(resource)}: ${section} is unknown at preview, so it could not be checked for credentials — build it from values known at preview`,
        });
        continue;
      }
      for (const [key, value] of Object.entries(asRecord(entries) ?? {})) {
        findings.push(...configMapEntryFindings(resource, key, value));
      }
    }
    return findings;
  },
};

function envLiteralFinding(resource: ResourceView, field: string, name: string, value: unknown): Finding[] {
  if (isUnknown(value) && isCredentialName(name)) {
    return [unknownFinding(resource, field, `take ${name} from a Secret with valueFrom.secretKeyRef`)];
  }
  if (typeof value !== "string" || value === "") return [];
  const kind = credentialIn(value);
  if (!kind && !isCredentialName(name)) return [];
  return [
    {
      field,
      message: `${describe(resource)}: ${field} sets ${name} as a literal${kind ? ` (${kind})` : ""} — use valueFrom.secretKeyRef to a Secret`,
    },
  ];
}

function workloadEnvFindings(resource: ResourceView): Finding[] {
  const pod = podSpecOf(resource);
  if (!pod) return [];
  return containersOf(pod).flatMap(({ path, container }) =>
    asArray(container.env).flatMap((entry, index) => {
      const env = asRecord(entry) ?? {};
      return envLiteralFinding(resource, `${path}.env[${index}].value`, String(env.name ?? ""), env.value);
    }),
  );
}

function runnerEnvironmentFindings(resource: ResourceView): Finding[] {
  const read = readRunnerConfig(resource);
  if (read.state !== "parsed") return [];
  return read.config.runners.flatMap((runner, index) =>
    asArray(runner.environment).flatMap((entry) => {
      const [name, ...rest] = String(entry).split("=");
      return envLiteralFinding(resource, `${runnerPath(runner, index)} environment`, name, rest.join("="));
    }),
  );
}

export const secretsNoEnvLiterals: ResourceRule = {
  kind: "resource",
  name: "secrets-no-env-literals",
  threats: ["EDIT-2", "MGR-4"],
  description: "Credentials reach containers and jobs from Secrets, never as literal environment values.",
  severity: "high",
  enforcement: MANDATORY,
  types: [...WORKLOAD_TYPES, CONFIG_MAP_TYPE],
  check(resource) {
    return resource.type === CONFIG_MAP_TYPE
      ? runnerEnvironmentFindings(resource)
      : workloadEnvFindings(resource);
  },
};

function plainValueFinding(resource: ResourceView, field: string, value: unknown): Finding[] {
  if (value === undefined || value === null || isSecret(value) || isUnknown(value)) return [];
  if (typeof value === "object" && Object.keys(value).length === 0) return [];
  return [
    {
      field,
      message: `${describe(resource)}: ${field} is stored in plain text in the stack state — wrap it with pulumi.secret() (or read it with config.requireSecret)`,
    },
  ];
}

export const secretsEncryptedInState: ResourceRule = {
  kind: "resource",
  name: "secrets-encrypted-in-state",
  threats: ["EDIT-2"],
  description:
    "Secret data and CI/CD variables that hold credentials are Pulumi secrets, so the state never holds them in plain text.",
  severity: "high",
  enforcement: MANDATORY,
  exportOnly: EXPORT_ONLY,
  types: [SECRET_TYPE, ...VARIABLE_TYPES],
  check(resource) {
    if (resource.type !== SECRET_TYPE) return plainCredentialVariableFinding(resource);
    return ["data", "stringData"].flatMap((field) => {
      const value = resource.props[field];
      const entries = asRecord(value);
      if (!entries) return plainValueFinding(resource, field, value);
      return Object.entries(entries).flatMap(([key, item]) =>
        plainValueFinding(resource, `${field}.${key}`, item),
      );
    });
  },
};

/**
 * A variable's value in plain text is the stack file's own (a `value:` entry, no credential); one that holds a
 * credential by its key or its content must be a secret.
 */
function plainCredentialVariableFinding(resource: ResourceView): Finding[] {
  const value = resource.props.value;
  if (typeof value !== "string" || value === "") return [];
  const key = typeof resource.props.key === "string" ? resource.props.key : resource.name;
  const kind =
    credentialIn(value) ?? (isCredentialName(key) ? `a credential (its key ${key} names one)` : undefined);
  if (!kind) return [];
  return [
    {
      field: "value",
      message: `${describe(resource)}: value holds ${kind} in plain text in the stack state — take it from a Pulumi secret (variableSecrets) and wrap it with pulumi.secret()`,
    },
  ];
}

function outputLeaves(value: unknown, path: string): Array<{ path: string; value: unknown }> {
  if (isSecret(value) || isUnknown(value)) return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => outputLeaves(item, `${path}[${index}]`));
  const record = asRecord(value);
  if (record)
    return Object.entries(record).flatMap(([key, item]) => outputLeaves(item, path ? `${path}.${key}` : key));
  return [{ path, value }];
}

function lastKey(path: string): string {
  return (
    path
      .replace(/\[\d+\]$/, "")
      .split(".")
      .at(-1) ?? path
  );
}

export const secretsNoPlainStackOutputs: StackRule = {
  kind: "stack",
  name: "secrets-no-plain-stack-outputs",
  threats: ["EDIT-2"],
  description: "Stack outputs that hold credentials are secrets.",
  severity: "high",
  enforcement: MANDATORY,
  exportOnly: EXPORT_ONLY,
  checkStack(resources) {
    return resources
      .filter((resource) => resource.type === "pulumi:pulumi:Stack")
      .flatMap((stack) =>
        outputLeaves(stack.props, "")
          .filter(({ value }) => typeof value === "string" && value !== "")
          .filter(
            ({ path, value }) => isCredentialName(lastKey(path)) || credentialIn(String(value)) !== undefined,
          )
          .map(({ path }) => ({
            resource: stack,
            field: `outputs.${path}`,
            message: `${describe(stack)}: output ${path} holds a credential in plain text — export it with pulumi.secret(), or do not export it`,
          })),
      );
  },
};
