import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { FleetConfig } from "../../config";
import type { HostAlias } from "../../model/config-toml";
import type { Provider as GitLabProvider } from "../gitlab/bindings";
import type { PodSecurityLevel } from "../namespaces";
import { platformLabels } from "../../model/labels";
import {
  RegistryCredential,
  cacheSecret,
  gitSshSecret,
  gitlabCaConfigMap,
  registrySecret,
  tokenSecret,
} from "./credentials";
import { FleetScope, metadata, objectNames } from "./fleet-scope";
import { gitlabRunner } from "./gitlab-runner";
import { managerStatefulSetSpec, managerTimeouts } from "../../model/fleet/manager-spec";
import { renderConfigToml } from "../../model/config-toml";
import { jobServiceAccount, managerRbac } from "./rbac-resources";
import { buildRunnerConfig } from "../../model/fleet/runner-config";
import { buildClaims, cacheClaim } from "./storage";

export interface RunnerFleetArgs {
  fleet: FleetConfig;
  gitlab: {
    url: string;
    /** PEM of a private CA the manager must trust for GitLab. */
    caCert?: string;
    /** Owner of group runners when the fleet names none: numeric id or full path. */
    defaultGroup?: string | number;
    provider: GitLabProvider;
  };
  managerNamespace: string;
  jobNamespace: string;
  /** The Pod Security level the job namespace enforces (job pods are configured to meet it). */
  jobPodSecurity: PodSecurityLevel;
  /** Stack-wide /etc/hosts entries for the manager and every job pod. */
  hostAliases: HostAlias[];
  /** Pinned manager image, e.g. registry.gitlab.com/gitlab-org/gitlab-runner:alpine-v19.3.0. */
  image: string;
  metricsPort: number;
  /** Create a ServiceMonitor (Prometheus Operator CRDs must exist), with these extra labels. */
  serviceMonitor: false | { labels: Record<string, string> };
  /** The stack's registry credential; every fleet pulls with it, kaniko fleets also push. */
  registry?: RegistryCredential;
  /** Git over SSH, mounted only for fleets with gitSsh on. */
  gitSsh?: { knownHosts: string; privateKey: pulumi.Input<string> };
  /** Used by fleets whose cache is S3. */
  cacheCredentials?: { accessKey: pulumi.Input<string>; secretKey: pulumi.Input<string> };
}

/**
 * One runner fleet: the runner in GitLab, its token in a Secret, config.toml in a ConfigMap, least-privilege RBAC
 * in the job namespace, credentials, cache, and a hardened manager StatefulSet with its metrics Service and PDB.
 */
export class RunnerFleet extends pulumi.ComponentResource {
  public readonly runnerId: pulumi.Output<string>;
  /** The runner's authentication token (secret). */
  public readonly token: pulumi.Output<string>;
  /** The rendered config.toml: no secret inside. */
  public readonly configToml: string;
  /** GitLab does not report when a runner authentication token expires; rotate with the fleet's tokenRotation. */
  public readonly tokenExpiresAt: string | undefined = undefined;

  constructor(name: string, args: RunnerFleetArgs, opts?: pulumi.ComponentResourceOptions) {
    super("gitlab-ci-platform:runner:RunnerFleet", name, {}, opts);
    const { fleet } = args;
    const scope: FleetScope = {
      name,
      fleet: fleet.name,
      parent: this,
      names: objectNames(fleet.name),
      managerNamespace: args.managerNamespace,
      jobNamespace: args.jobNamespace,
    };

    const runner = gitlabRunner(name, fleet, args.gitlab, this);
    this.runnerId = runner.id;
    this.token = pulumi.secret(runner.token);

    const credentials = {
      token: tokenSecret(scope, this.token),
      registry: args.registry && registrySecret(scope, args.registry),
      gitSsh: fleet.gitSsh && args.gitSsh ? gitSshSecret(scope, args.gitSsh) : undefined,
      cache:
        fleet.cache.type === "s3" && args.cacheCredentials
          ? cacheSecret(scope, args.cacheCredentials)
          : undefined,
      ca: args.gitlab.caCert ? gitlabCaConfigMap(scope, args.gitlab.caCert) : undefined,
    };
    const claims = {
      cache: fleet.cache.type === "pvc" ? cacheClaim(scope, fleet.cache) : undefined,
      builds: fleet.builds.type === "pvcPerJob" ? buildClaims(scope, fleet.builds, fleet.concurrent) : [],
    };

    this.configToml = renderConfigToml(
      buildRunnerConfig(fleet, {
        gitlabUrl: args.gitlab.url,
        gitlabCa: credentials.ca !== undefined,
        hostAliases: args.hostAliases,
        jobNamespace: args.jobNamespace,
        jobPodSecurity: args.jobPodSecurity,
        jobServiceAccount: scope.names.jobServiceAccount,
        metricsPort: args.metricsPort,
        registrySecret: credentials.registry && scope.names.registrySecret,
        gitSshSecret: credentials.gitSsh && scope.names.gitSshSecret,
        cacheClaim: claims.cache && scope.names.cacheClaim,
        buildsClaimPattern: claims.builds.length
          ? `${scope.names.buildsClaimPrefix}$CI_CONCURRENT_ID`
          : undefined,
      }),
    );
    const configMap = new k8s.core.v1.ConfigMap(
      `${name}-config`,
      {
        metadata: metadata(scope, scope.names.configMap, args.managerNamespace),
        data: { "config.toml": this.configToml },
      },
      { parent: this },
    );

    const prerequisites = [
      ...managerRbac(scope, fleet),
      jobServiceAccount(scope, fleet),
      configMap,
      ...[credentials.token, credentials.cache, credentials.ca].filter(isDefined),
    ];
    const service = this.metricsService(scope, args);
    this.manager(scope, args, runner.id, [...prerequisites, service]);
    this.disruptionBudget(scope);
    this.networkPolicy(scope, args.metricsPort);
    if (args.serviceMonitor) this.serviceMonitor(scope, service, args.serviceMonitor.labels);
    warnIfDangerous(fleet, args.jobNamespace, this);

    this.registerOutputs({
      runnerId: this.runnerId,
      token: this.token,
      configToml: this.configToml,
      tokenExpiresAt: this.tokenExpiresAt,
    });
  }

  /** The manager StatefulSet; created after (and so deleted before) its permissions, Secrets and config. */
  private manager(
    scope: FleetScope,
    args: RunnerFleetArgs,
    runnerId: pulumi.Output<string>,
    dependsOn: pulumi.Resource[],
  ): k8s.apps.v1.StatefulSet {
    const { fleet } = args;
    const { names } = scope;
    return new k8s.apps.v1.StatefulSet(
      `${scope.name}-manager`,
      {
        metadata: {
          ...metadata(scope, names.manager, args.managerNamespace),
          // Foreground: Pulumi waits until every replica has drained before it removes RBAC, Secrets and the runner.
          annotations: { "pulumi.com/deletionPropagationPolicy": "foreground" },
        },
        spec: managerStatefulSetSpec({
          fleet: fleet.name,
          image: args.image,
          replicas: fleet.replicas,
          serviceAccount: names.managerServiceAccount,
          serviceName: names.service,
          configMap: names.configMap,
          tokenSecret: names.tokenSecret,
          cacheSecret: cacheSecretName(fleet, args, names),
          caConfigMap: args.gitlab.caCert ? names.caConfigMap : undefined,
          hostAliases: args.hostAliases,
          resources: { requests: fleet.manager.requests, limits: fleet.manager.limits },
          nodeSelector: fleet.manager.nodeSelector,
          metricsPort: args.metricsPort,
          maximumTimeout: fleet.maximumTimeout,
          runnerRevision: runnerId,
          labels: managerLabels(fleet.name),
        }),
      },
      { parent: this, dependsOn, customTimeouts: managerTimeouts(fleet.maximumTimeout, fleet.replicas) },
    );
  }

  /** Headless: it names each manager replica (the StatefulSet's service) and serves its metrics. */
  private metricsService(scope: FleetScope, args: RunnerFleetArgs): k8s.core.v1.Service {
    return new k8s.core.v1.Service(
      `${scope.name}-metrics`,
      {
        metadata: metadata(scope, scope.names.service, args.managerNamespace),
        spec: {
          clusterIP: "None",
          selector: managerLabels(scope.fleet),
          ports: [{ name: "metrics", port: args.metricsPort, targetPort: "metrics", protocol: "TCP" }],
        },
      },
      { parent: this },
    );
  }

  /** At most one manager down at a time; never blocks a node drain, even with one replica. */
  private disruptionBudget(scope: FleetScope): void {
    new k8s.policy.v1.PodDisruptionBudget(
      `${scope.name}-pdb`,
      {
        metadata: metadata(scope, scope.names.manager, scope.managerNamespace),
        spec: {
          maxUnavailable: 1,
          unhealthyPodEvictionPolicy: "AlwaysAllow",
          selector: { matchLabels: managerLabels(scope.fleet) },
        },
      },
      { parent: this },
    );
  }

  /**
   * Nothing but metrics scrapes may reach a manager. Egress stays open: the manager talks to GitLab, the
   * Kubernetes API and the cache, wherever the stack says they are.
   */
  private networkPolicy(scope: FleetScope, metricsPort: number): void {
    new k8s.networking.v1.NetworkPolicy(
      `${scope.name}-netpol`,
      {
        metadata: metadata(scope, scope.names.manager, scope.managerNamespace),
        spec: {
          podSelector: { matchLabels: managerLabels(scope.fleet) },
          policyTypes: ["Ingress"],
          ingress: [{ ports: [{ port: metricsPort, protocol: "TCP" }] }],
        },
      },
      { parent: this },
    );
  }

  private serviceMonitor(
    scope: FleetScope,
    service: k8s.core.v1.Service,
    labels: Record<string, string>,
  ): void {
    const meta = metadata(scope, scope.names.manager, scope.managerNamespace);
    new k8s.apiextensions.CustomResource(
      `${scope.name}-servicemonitor`,
      {
        apiVersion: "monitoring.coreos.com/v1",
        kind: "ServiceMonitor",
        metadata: { ...meta, labels: { ...labels, ...meta.labels } },
        spec: {
          selector: { matchLabels: managerLabels(scope.fleet) },
          endpoints: [{ port: "metrics", interval: "30s" }],
        },
      },
      { parent: this, dependsOn: [service] },
    );
  }
}

/** Labels of the manager pods, which the Service, PDB and ServiceMonitor select. */
function managerLabels(fleet: string): Record<string, string> {
  return platformLabels("runner", fleet);
}

function cacheSecretName(
  fleet: FleetConfig,
  args: RunnerFleetArgs,
  names: FleetScope["names"],
): string | undefined {
  return fleet.cache.type === "s3" && args.cacheCredentials ? names.cacheSecret : undefined;
}

function warnIfDangerous(fleet: FleetConfig, jobNamespace: string, resource: pulumi.Resource): void {
  const mode = fleet.dangerous.dockerInDocker
    ? "privileged docker-in-docker"
    : fleet.dangerous.dockerSocket
      ? "the node's docker.sock"
      : undefined;
  if (mode) {
    pulumi.log.warn(
      `fleet ${fleet.name}: ${mode} is on; its jobs can take over the nodes they run on (namespace ${jobNamespace})`,
      resource,
    );
  }
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
