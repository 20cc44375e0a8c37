import type { DeployTargetSpec } from "../model/deploy";
import { planDeployTarget } from "../model/deploy";
import { jobNamespace } from "../model/fleet/job-pods";
import type { VariableOwner, VariableSpec } from "../model/gitlab";
import type { Problem } from "../model/problems";
import { credentialIn, isCredentialName } from "../model/credentials";
import { DEFAULTS } from "../model/defaults";
import { PROJECT, type PlainConfig } from "./schema";
import { setSecretCommand } from "./secrets";
import type { RegistryVariablesConfig, VariableConfig } from "./variables-schema";

/** Keys the registry credential is published under. */
export const REGISTRY_VARIABLES = { user: "REGISTRY_USER", password: "REGISTRY_PASSWORD" };

type Owned = { group?: string; project?: string };
type Declared = { path: string; spec: VariableSpec; secret?: string; value?: string; valuePath?: string };

function ownerOf(entry: Owned): VariableOwner | undefined {
  if (entry.group !== undefined && entry.project === undefined) return { kind: "group", path: entry.group };
  if (entry.project !== undefined && entry.group === undefined)
    return { kind: "project", path: entry.project };
  return undefined;
}

function ownerProblem(entry: Owned, path: string): Problem[] {
  if (ownerOf(entry)) return [];
  const both = entry.group !== undefined;
  return [
    {
      path,
      reason: both ? "names both a group and a project" : "names no owner",
      fix: "set exactly one of group (full path, e.g. platform) or project (path with namespace, e.g. platform/shop)",
    },
  ];
}

function userVariable(v: VariableConfig, path: string, owner: VariableOwner): Declared {
  const credential = v.secret !== undefined;
  return {
    path,
    secret: v.secret,
    value: v.value,
    spec: {
      owner,
      key: v.key,
      masked: v.masked,
      hidden: v.hidden ?? (v.masked && DEFAULTS.variable.hidden),
      protected: v.protected,
      variableType: v.variableType,
      environmentScope: v.environmentScope,
      raw: v.raw,
      description: v.description,
      credential,
    },
  };
}

function registryVariables(
  r: RegistryVariablesConfig,
  path: string,
  owner: VariableOwner,
  username: string,
): Declared[] {
  // raw: robot account names hold '$', which GitLab masks only in raw variables (and which must not expand).
  const common = {
    owner,
    environmentScope: r.environmentScope,
    variableType: "env_var" as const,
    raw: true,
    masked: true,
    hidden: true,
    protected: true,
  };
  return [
    {
      path,
      value: username,
      valuePath: `${PROJECT}:registry.username`,
      spec: { ...common, key: REGISTRY_VARIABLES.user, credential: false, description: "registry user" },
    },
    {
      path,
      secret: "registryPassword",
      valuePath: `${PROJECT}:registryPassword`,
      spec: {
        ...common,
        key: REGISTRY_VARIABLES.password,
        credential: true,
        description: "registry password (the registryPassword secret)",
      },
    },
  ];
}

/** Every CI/CD variable the stack file declares (user variables and the registry's), with where it came from. */
export function declaredVariables(config: PlainConfig): Declared[] {
  const user = config.variables.flatMap((v, i) => {
    const owner = ownerOf(v);
    return owner ? [userVariable(v, `${PROJECT}:variables[${i}]`, owner)] : [];
  });
  const registry = (config.registry?.variables ?? []).flatMap((r, i) => {
    const owner = ownerOf(r);
    const at = `${PROJECT}:registry.variables[${i}]`;
    return owner && config.registry ? registryVariables(r, at, owner, config.registry.username) : [];
  });
  return [...user, ...registry];
}

/** One deploy target per application environment, in the platform's terms. */
export function deployTargetSpecs(config: PlainConfig): Array<DeployTargetSpec & { path: string }> {
  return config.applications.flatMap((app, i) =>
    app.environments.map((env, j) => ({
      path: `${PROJECT}:applications[${i}].environments[${j}]`,
      application: app.name,
      environment: env.name,
      project: app.project,
      access: app.access,
      environmentScope: env.environmentScope ?? env.name,
      namespace: env.namespace ?? `${app.name}-${env.name}`,
      podSecurity: app.podSecurity,
      deploys: app.deploys,
      prune: app.prune,
      quota: env.quota,
      containerDefaults: env.containerDefaults,
      tokenRotation: env.tokenRotation,
    })),
  );
}

/** Problems of the GitLab side that the schema alone cannot see (environment-dependent ones are in load). */
export function gitlabSideProblems(config: PlainConfig): Problem[] {
  return [
    ...config.variables.flatMap((v, i) => variableEntryProblems(v, `${PROJECT}:variables[${i}]`, config)),
    ...(config.registry?.variables ?? []).flatMap((r, i) =>
      ownerProblem(r, `${PROJECT}:registry.variables[${i}]`),
    ),
    ...deployTargetProblems(config),
  ];
}

function variableEntryProblems(v: VariableConfig, path: string, config: PlainConfig): Problem[] {
  const problems = ownerProblem(v, path);
  if ((v.value === undefined) === (v.secret === undefined)) {
    problems.push({
      path,
      reason: v.value === undefined ? "has no value" : "has both value and secret",
      fix: "set value (plain, for what is no credential) or secret (an entry of the variableSecrets secret)",
    });
  }
  const credential =
    v.value === undefined
      ? undefined
      : isCredentialName(v.key)
        ? `${v.key} names a credential`
        : credentialIn(v.value) && `it holds ${credentialIn(v.value)}`;
  if (credential) {
    problems.push({
      path: `${path}.value`,
      reason: `${credential}, and a value: is plain text in the stack file and the state`,
      fix: `move it into the secret: ${setSecretCommand("variableSecrets", v.key)}, and write secret: ${v.key} instead of value`,
    });
  }
  if (v.group !== undefined && v.environmentScope !== "*" && config.gitlab.tier === "free") {
    problems.push({
      path: `${path}.environmentScope`,
      reason: "environment scopes on group variables need GitLab Premium or Ultimate (gitlab.tier is free)",
      fix: `put the variable on the project, leave environmentScope at *, or set ${PROJECT}:gitlab.tier`,
    });
  }
  return problems;
}

function deployTargetProblems(config: PlainConfig): Problem[] {
  const targets = deployTargetSpecs(config);
  if (targets.length === 0) return [];
  const problems: Problem[] = [];
  const kubeconfigs = targets.filter((t) => t.access === "kubeconfig");
  // A created cluster (ACK Serverless) provides its own endpoint; an existing one is named in the stack file.
  if (kubeconfigs.length > 0 && !config.cluster.apiServer && config.cluster.type === "existing") {
    problems.push({
      path: `${PROJECT}:cluster.apiServer`,
      reason: "is needed to write the applications' kubeconfigs",
      fix: "set server (https:// URL jobs reach the API server at) and caCert (the cluster CA, PEM)",
    });
  }
  const runnerNamespaces = new Set([config.cluster.managerNamespace, ...config.fleets.map(jobNamespace)]);
  const seen = new Map<string, string>();
  for (const t of targets) {
    const at = `${t.path}.namespace`;
    if (runnerNamespaces.has(t.namespace)) {
      problems.push({
        path: at,
        reason: `"${t.namespace}" is a runner or job namespace; deploy access there would reach the runners' secrets`,
        fix: "give the application a namespace of its own",
      });
    } else if (/^(kube-.*|default)$/.test(t.namespace)) {
      problems.push({
        path: at,
        reason: `"${t.namespace}" is Kubernetes' own`,
        fix: "choose the application's own namespace",
      });
    }
    const first = seen.get(t.namespace);
    if (first)
      problems.push({
        path: at,
        reason: `"${t.namespace}" is also ${first}'s`,
        fix: "one namespace per target",
      });
    else seen.set(t.namespace, t.path);
    if (t.environmentScope === "*" && t.access === "kubeconfig") {
      problems.push({
        path: `${t.path}.environmentScope`,
        reason: "would give this kubeconfig to every environment",
        fix: "scope it to the GitLab environment that deploys here, e.g. production or review/*",
      });
    }
  }
  return problems;
}

/** The deploy targets' KUBECONFIG variables, as declared variables (for the one-variable-per-scope check). */
export function deployVariables(config: PlainConfig): Declared[] {
  return deployTargetSpecs(config).flatMap((t) => {
    const { access } = planDeployTarget(t);
    return access.mode === "kubeconfig" ? [{ path: t.path, spec: access.variable }] : [];
  });
}
