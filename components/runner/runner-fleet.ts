import * as corev1 from "@pulumi/kubernetes/core/v1";
import * as pulumi from "@pulumi/pulumi";
import {
  DATA_KEYS,
  type FleetContext,
  type FleetPlan,
  type FleetSpec,
  credentialsChecksum,
  planFleet,
  runnerScopeLabel,
} from "../../model/fleet";
import { COMPONENTS } from "../../model/labels";
import {
  RegistryCredential,
  cacheGcsSecret,
  cacheSecret,
  gitSshSecret,
  gitlabCaConfigMap,
  registrySecret,
  tokenSecret,
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

/** A fleet and the stack around it (see FleetContext), with the credentials its Secrets hold. */
export interface RunnerFleetArgs extends Omit<FleetContext, "credentials" | "stack"> {
  fleet: FleetSpec;
  /** The stack's registry credential; every fleet pulls with it, kaniko fleets also push. */
  registry?: RegistryCredential;
  /** Git over SSH, mounted only for fleets with gitSsh on. */
  gitSsh?: { knownHosts: string; privateKey: pulumi.Input<string> };
  /** Used by fleets whose cache is S3. */
  cacheCredentials?: { accessKey: pulumi.Input<string>; secretKey: pulumi.Input<string> };
  /** Service account key (JSON) for fleets whose cache is GCS. */
  cacheGcsCredentials?: pulumi.Input<string>;
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
    const plan = planFleet(args.fleet, {
      ...args,
      stack: pulumi.getStack(),
      credentials: {
        registry: args.registry !== undefined,
        gitSsh: args.gitSsh !== undefined,
        cacheS3: args.cacheCredentials !== undefined,
        cacheGcs: args.cacheGcsCredentials !== undefined,
      },
    });
    const scope: FleetScope = { name, parent: this, plan };

    const runner = gitlabRunner(name, plan.runner, this);
    this.runnerId = runner.id;
    this.scope = runnerScopeLabel(plan.runner);
    this.token = pulumi.secret(runner.token);

    const managerSecrets = credentialObjects(scope, args, this.token);
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

    const prerequisites = [...managerRbac(scope), jobServiceAccount(scope), configMap, ...managerSecrets];
    const service = metricsService(scope);
    const checksum = managerCredentialsChecksum(name, managerCredentials(args, plan.secrets));
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
 * Creates the fleet's Secrets (and CA ConfigMap) and returns those the manager reads, which it waits for. The
 * registry and Git SSH Secrets are for job pods only.
 */
function credentialObjects(scope: FleetScope, args: RunnerFleetArgs, token: pulumi.Output<string>) {
  const { secrets } = scope.plan;
  if (args.registry && secrets.registry) registrySecret(scope, args.registry);
  if (args.gitSsh && secrets.gitSsh) gitSshSecret(scope, args.gitSsh);
  return [
    tokenSecret(scope, token),
    args.cacheCredentials && secrets.cacheS3 ? cacheSecret(scope, args.cacheCredentials) : undefined,
    secrets.gitlabCa !== undefined ? gitlabCaConfigMap(scope, secrets.gitlabCa) : undefined,
    args.cacheGcsCredentials && secrets.cacheGcs
      ? cacheGcsSecret(scope, args.cacheGcsCredentials)
      : undefined,
  ].filter(isDefined);
}

/** The credentials the manager reads from its environment or files, whose rotation must roll it. */
function managerCredentials(args: RunnerFleetArgs, secrets: FleetPlan["secrets"]): pulumi.Input<string>[] {
  return [
    ...(args.cacheCredentials && secrets.cacheS3
      ? [args.cacheCredentials.accessKey, args.cacheCredentials.secretKey]
      : []),
    ...(args.cacheGcsCredentials && secrets.cacheGcs ? [args.cacheGcsCredentials] : []),
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

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
