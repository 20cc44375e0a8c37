import * as corev1 from "@pulumi/kubernetes/core/v1";
import * as pulumi from "@pulumi/pulumi";
import {
  DATA_KEYS,
  type FleetContext,
  type FleetSpec,
  credentialsChecksum,
  planFleet,
  runnerScopeLabel,
} from "../../model/fleet";
import { COMPONENTS } from "../../model/labels";
import {
  type CredentialValues,
  credentialSecret,
  gitlabCaConfigMap,
  tokenSecret,
  valuesOf,
} from "./credentials";
import { FleetScope, metadata } from "./fleet-scope";
import { gitlabRunner } from "./gitlab-runner";
import {
  disruptionBudget,
  managerStatefulSet,
  metricsService,
  networkPolicy,
  serviceMonitor,
} from "./manager";
import { jobServiceAccount, managerRbac } from "./rbac-resources";
import { claim } from "./storage";

/** A fleet and the stack around it (see FleetContext), with the values its credential Secrets hold. */
export interface RunnerFleetArgs extends Omit<FleetContext, "credentials" | "stack"> {
  fleet: FleetSpec;
  /** The values the fleet's credential Secrets are filled from, by name (see CredentialValues). */
  credentials?: CredentialValues;
}

/**
 * One runner fleet: the runner in GitLab, its token in a Secret, config.toml in a ConfigMap, least-privilege RBAC
 * in the job namespace, credentials, cache, and a hardened manager StatefulSet with its metrics Service and PDB.
 * What exists is decided by planFleet; this component creates exactly that. The GitLab and Kubernetes providers
 * come through the resource options (`providers`).
 */
export class RunnerFleet extends pulumi.ComponentResource {
  public readonly runnerId: pulumi.Output<string>;
  /** The runner's authentication token (secret). */
  public readonly token: pulumi.Output<string>;
  /** The rendered config.toml: no secret inside. */
  public readonly configToml: string;
  /** Whose runner it is: `group platform`, `project platform/shop` or `instance`. */
  public readonly scope: string;

  constructor(name: string, args: RunnerFleetArgs, opts?: pulumi.ComponentResourceOptions) {
    super("gitlab-ci-platform:runner:RunnerFleet", name, {}, opts);
    const values = args.credentials ?? {};
    const plan = planFleet(args.fleet, {
      ...args,
      stack: pulumi.getStack(),
      credentials: Object.keys(values).filter((key) => values[key] !== undefined),
    });
    const scope: FleetScope = { name, parent: this, plan };

    const runner = gitlabRunner(name, plan.runner, this);
    this.runnerId = runner.id;
    this.scope = runnerScopeLabel(plan.runner);
    this.token = pulumi.secret(runner.token);

    const managerReads = credentialObjects(scope, values, this.token);
    if (plan.claims.cache) claim(scope, `${name}-cache`, COMPONENTS.cacheClaim, plan.claims.cache);
    plan.claims.builds.forEach((spec, i) =>
      claim(scope, `${name}-builds-${i}`, COMPONENTS.buildsClaim, spec),
    );

    this.configToml = plan.configToml;
    const configMap = new corev1.ConfigMap(
      `${name}-config`,
      {
        metadata: metadata(scope, plan.names.configMap, plan.managerNamespace),
        data: { [DATA_KEYS.configToml]: this.configToml },
      },
      { parent: this },
    );

    const prerequisites = [...managerRbac(scope), jobServiceAccount(scope), configMap, ...managerReads];
    const service = metricsService(scope);
    const rolling = plan.credentials.filter((secret) => secret.rollsManagers);
    const checksum = managerCredentialsChecksum(
      name,
      rolling.flatMap((secret) => valuesOf(secret, values)),
    );
    managerStatefulSet(scope, runner.id, [...prerequisites, service], checksum);
    disruptionBudget(scope);
    networkPolicy(scope);
    if (plan.serviceMonitorLabels) serviceMonitor(scope, service, plan.serviceMonitorLabels);
    if (plan.warning) pulumi.log.warn(plan.warning, this);
    for (const warning of plan.externalVolumes) pulumi.log.warn(warning, this);

    this.registerOutputs({
      runnerId: this.runnerId,
      scope: this.scope,
      token: this.token,
      configToml: this.configToml,
    });
  }
}

/**
 * Creates the fleet's credential Secrets and CA ConfigMap as the plan lists them, and returns those the manager
 * reads, which it waits for: the token, its cache's credential, the CA. The others are for job pods only.
 */
function credentialObjects(scope: FleetScope, values: CredentialValues, token: pulumi.Output<string>) {
  const { credentials, gitlabCa } = scope.plan;
  for (const secret of credentials.filter((s) => !s.manager)) credentialSecret(scope, secret, values);
  return [
    tokenSecret(scope, token),
    ...credentials.filter((s) => s.manager).map((secret) => credentialSecret(scope, secret, values)),
    ...(gitlabCa !== undefined ? [gitlabCaConfigMap(scope, gitlabCa)] : []),
  ];
}

/**
 * A one-way checksum is no secret: unwrapped, so the pod template stays readable in state and diffs. Absent when
 * the manager reads no credential besides its token (which rolls the pods through the runner revision).
 */
function managerCredentialsChecksum(fleet: string, credentials: pulumi.Input<string>[]) {
  if (credentials.length === 0) return undefined;
  return pulumi.unsecret(pulumi.all(credentials).apply((values) => credentialsChecksum(fleet, values)));
}
