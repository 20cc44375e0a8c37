import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { FleetConfig, HostAlias } from "../../config";
import { UserRunner, getGroupOutput, getProjectOutput } from "../gitlab";
import type { Provider as GitLabProvider, RunnerType } from "../gitlab";
import type { PodSecurityLevel } from "../namespaces";
import { platformLabels } from "../shared/labels";
import { dockerConfigJson } from "./docker-config";
import { managerStatefulSetSpec } from "./manager-spec";
import { renderConfigToml } from "./model";
import { rbacFeatures, runnerRoleRules } from "./rbac";
import { buildRunnerConfig } from "./runner-config";

export interface RegistryCredential {
  server: string;
  username: string;
  password: pulumi.Input<string>;
}

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
  /** Create a ServiceMonitor (Prometheus Operator CRDs must exist). */
  serviceMonitor: boolean;
  registry?: RegistryCredential;
  gitSsh?: { knownHosts: string; privateKey: pulumi.Input<string> };
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
    const child = { parent: this };
    const labels = platformLabels("runner", fleet.name);
    const names = objectNames(fleet.name);
    const meta = (n: string, namespace: string, component = "runner") => ({
      name: n,
      namespace,
      labels: { ...platformLabels(component, fleet.name) },
    });

    const runner = new UserRunner(`${name}-runner`, userRunnerArgs(args), {
      ...child,
      provider: args.gitlab.provider,
      replacementTrigger: fleet.tokenRotation,
    });
    this.runnerId = runner.id;
    this.token = pulumi.secret(runner.token);

    const tokenSecret = new k8s.core.v1.Secret(
      `${name}-token`,
      {
        metadata: meta(names.tokenSecret, args.managerNamespace),
        type: "Opaque",
        stringData: { "runner-token": this.token },
      },
      child,
    );

    const jobSa = new k8s.core.v1.ServiceAccount(
      `${name}-jobs-sa`,
      {
        metadata: meta(names.jobServiceAccount, args.jobNamespace, "ci-jobs"),
        automountServiceAccountToken: fleet.jobServiceAccountToken,
      },
      child,
    );
    const registrySecret = args.registry ? this.registrySecret(name, names, args, meta) : undefined;
    const gitSshSecret = args.gitSsh && fleet.gitSsh ? this.gitSshSecret(name, names, args, meta) : undefined;
    const cacheClaim = fleet.cache.type === "pvc" ? this.cacheClaim(name, names, args, meta) : undefined;
    const buildClaims = fleet.builds.type === "pvcPerJob" ? this.buildClaims(name, names, args, meta) : [];
    const cacheSecret =
      fleet.cache.type === "s3" && args.cacheCredentials
        ? this.cacheSecret(name, names, args, meta)
        : undefined;
    const caConfigMap = args.gitlab.caCert
      ? new k8s.core.v1.ConfigMap(
          `${name}-gitlab-ca`,
          {
            metadata: meta(names.caConfigMap, args.managerNamespace),
            data: { "ca.crt": args.gitlab.caCert },
          },
          child,
        )
      : undefined;

    this.configToml = renderConfigToml(
      buildRunnerConfig(fleet, {
        gitlabUrl: args.gitlab.url,
        gitlabCa: caConfigMap !== undefined,
        hostAliases: args.hostAliases,
        jobNamespace: args.jobNamespace,
        jobPodSecurity: args.jobPodSecurity,
        jobServiceAccount: names.jobServiceAccount,
        metricsPort: args.metricsPort,
        registrySecret: registrySecret ? names.registrySecret : undefined,
        gitSshSecret: gitSshSecret ? names.gitSshSecret : undefined,
        cacheClaim: cacheClaim ? names.cacheClaim : undefined,
        buildsClaimPattern: buildClaims.length ? `${names.buildsClaimPrefix}$CI_CONCURRENT_ID` : undefined,
      }),
    );
    const configMap = new k8s.core.v1.ConfigMap(
      `${name}-config`,
      { metadata: meta(names.configMap, args.managerNamespace), data: { "config.toml": this.configToml } },
      child,
    );

    const rbac = this.rbac(name, names, args, meta);
    const service = new k8s.core.v1.Service(
      `${name}-metrics`,
      {
        metadata: meta(names.service, args.managerNamespace),
        spec: {
          clusterIP: "None",
          selector: labels,
          ports: [{ name: "metrics", port: args.metricsPort, targetPort: "metrics", protocol: "TCP" }],
        },
      },
      child,
    );

    const manager = new k8s.apps.v1.StatefulSet(
      `${name}-manager`,
      {
        metadata: meta(names.manager, args.managerNamespace),
        spec: runner.id.apply((runnerId) =>
          managerStatefulSetSpec({
            fleet: fleet.name,
            image: args.image,
            replicas: fleet.replicas,
            serviceAccount: names.managerServiceAccount,
            serviceName: names.service,
            configMap: names.configMap,
            tokenSecret: names.tokenSecret,
            cacheSecret: cacheSecret ? names.cacheSecret : undefined,
            caConfigMap: caConfigMap ? names.caConfigMap : undefined,
            hostAliases: args.hostAliases,
            resources: { requests: fleet.manager.requests, limits: fleet.manager.limits },
            nodeSelector: fleet.manager.nodeSelector,
            metricsPort: args.metricsPort,
            maximumTimeout: fleet.maximumTimeout,
            runnerRevision: runnerId,
            labels,
          }),
        ),
      },
      {
        ...child,
        // Created after, and so deleted before, its permissions, Secrets and config.
        dependsOn: [
          ...rbac,
          tokenSecret,
          configMap,
          service,
          jobSa,
          ...[cacheSecret, caConfigMap].filter(isResource),
        ],
      },
    );

    new k8s.policy.v1.PodDisruptionBudget(
      `${name}-pdb`,
      {
        metadata: meta(names.manager, args.managerNamespace),
        spec: {
          // At most one manager down at a time; never blocks a node drain, even with one replica.
          maxUnavailable: 1,
          unhealthyPodEvictionPolicy: "AlwaysAllow",
          selector: { matchLabels: labels },
        },
      },
      child,
    );

    if (args.serviceMonitor) {
      new k8s.apiextensions.CustomResource(
        `${name}-servicemonitor`,
        {
          apiVersion: "monitoring.coreos.com/v1",
          kind: "ServiceMonitor",
          metadata: meta(names.manager, args.managerNamespace),
          spec: { selector: { matchLabels: labels }, endpoints: [{ port: "metrics", interval: "30s" }] },
        },
        { ...child, dependsOn: [service] },
      );
    }

    if (fleet.dangerous.dockerInDocker || fleet.dangerous.dockerSocket) {
      pulumi.log.warn(
        `fleet ${fleet.name}: ${fleet.dangerous.dockerInDocker ? "privileged docker-in-docker" : "the node's docker.sock"} is on; its jobs can take over the nodes they run on (namespace ${args.jobNamespace})`,
        this,
      );
    }
    void manager;
    this.registerOutputs({
      runnerId: this.runnerId,
      token: this.token,
      configToml: this.configToml,
      tokenExpiresAt: this.tokenExpiresAt,
    });
  }

  private rbac(name: string, names: ObjectNames, args: RunnerFleetArgs, meta: Meta): pulumi.Resource[] {
    const child = { parent: this };
    const { fleet } = args;
    const managerSa = new k8s.core.v1.ServiceAccount(
      `${name}-manager-sa`,
      {
        metadata: meta(names.managerServiceAccount, args.managerNamespace),
        automountServiceAccountToken: true,
      },
      child,
    );
    const role = new k8s.rbac.v1.Role(
      `${name}-role`,
      {
        metadata: meta(names.role, args.jobNamespace),
        rules: runnerRoleRules(
          rbacFeatures(fleet.featureFlags, fleet.kubernetes.resourceAvailabilityCheckMaxAttempts),
        ),
      },
      child,
    );
    const binding = new k8s.rbac.v1.RoleBinding(
      `${name}-rolebinding`,
      {
        metadata: meta(names.role, args.jobNamespace),
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: names.role },
        subjects: [
          { kind: "ServiceAccount", name: names.managerServiceAccount, namespace: args.managerNamespace },
        ],
      },
      { ...child, dependsOn: [role, managerSa] },
    );
    return [managerSa, role, binding];
  }

  private registrySecret(
    name: string,
    names: ObjectNames,
    args: RunnerFleetArgs,
    meta: Meta,
  ): k8s.core.v1.Secret {
    const registry = args.registry!;
    return new k8s.core.v1.Secret(
      `${name}-registry`,
      {
        metadata: meta(names.registrySecret, args.jobNamespace, "ci-jobs"),
        type: "kubernetes.io/dockerconfigjson",
        stringData: {
          ".dockerconfigjson": pulumi.secret(
            pulumi
              .output(registry.password)
              .apply((p) => dockerConfigJson(registry.server, registry.username, p)),
          ),
        },
      },
      { parent: this },
    );
  }

  private gitSshSecret(
    name: string,
    names: ObjectNames,
    args: RunnerFleetArgs,
    meta: Meta,
  ): k8s.core.v1.Secret {
    return new k8s.core.v1.Secret(
      `${name}-git-ssh`,
      {
        metadata: meta(names.gitSshSecret, args.jobNamespace, "ci-jobs"),
        type: "Opaque",
        stringData: { id_rsa: pulumi.secret(args.gitSsh!.privateKey), known_hosts: args.gitSsh!.knownHosts },
      },
      { parent: this },
    );
  }

  private cacheSecret(
    name: string,
    names: ObjectNames,
    args: RunnerFleetArgs,
    meta: Meta,
  ): k8s.core.v1.Secret {
    const creds = args.cacheCredentials!;
    return new k8s.core.v1.Secret(
      `${name}-cache-s3`,
      {
        metadata: meta(names.cacheSecret, args.managerNamespace),
        type: "Opaque",
        stringData: { accesskey: pulumi.secret(creds.accessKey), secretkey: pulumi.secret(creds.secretKey) },
      },
      { parent: this },
    );
  }

  private cacheClaim(name: string, names: ObjectNames, args: RunnerFleetArgs, meta: Meta) {
    const cache = args.fleet.cache as Extract<FleetConfig["cache"], { type: "pvc" }>;
    return new k8s.core.v1.PersistentVolumeClaim(
      `${name}-cache`,
      {
        metadata: meta(names.cacheClaim, args.jobNamespace, "runner-cache"),
        spec: {
          accessModes: [cache.accessMode],
          storageClassName: cache.storageClass,
          resources: { requests: { storage: cache.size } },
        },
      },
      { parent: this },
    );
  }

  /** One claim per concurrent job: jobs mount `<prefix>$CI_CONCURRENT_ID`, so clones persist between jobs. */
  private buildClaims(name: string, names: ObjectNames, args: RunnerFleetArgs, meta: Meta) {
    const builds = args.fleet.builds as Extract<FleetConfig["builds"], { type: "pvcPerJob" }>;
    return Array.from(
      { length: args.fleet.concurrent },
      (_, i) =>
        new k8s.core.v1.PersistentVolumeClaim(
          `${name}-builds-${i}`,
          {
            metadata: meta(`${names.buildsClaimPrefix}${i}`, args.jobNamespace, "runner-builds"),
            spec: {
              accessModes: ["ReadWriteOnce"],
              storageClassName: builds.storageClass,
              resources: { requests: { storage: builds.size } },
            },
          },
          { parent: this },
        ),
    );
  }
}

type Meta = (
  name: string,
  namespace: string,
  component?: string,
) => { name: string; namespace: string; labels: Record<string, string> };

/** Kubernetes object names of a fleet: all derived from its name, so fleets never collide. */
export function objectNames(fleet: string) {
  return {
    tokenSecret: `${fleet}-runner-token`,
    configMap: `${fleet}-runner-config`,
    caConfigMap: `${fleet}-gitlab-ca`,
    cacheSecret: `${fleet}-cache-s3`,
    managerServiceAccount: `${fleet}-runner`,
    role: `${fleet}-runner`,
    manager: `${fleet}-runner`,
    service: `${fleet}-runner-metrics`,
    jobServiceAccount: `${fleet}-jobs`,
    registrySecret: `${fleet}-registry`,
    gitSshSecret: `${fleet}-git-ssh`,
    cacheClaim: `${fleet}-cache`,
    buildsClaimPrefix: `${fleet}-builds-`,
  };
}
type ObjectNames = ReturnType<typeof objectNames>;

function isResource<T extends pulumi.Resource>(r: T | undefined): r is T {
  return r !== undefined;
}

const RUNNER_TYPE: Record<FleetConfig["scope"]["type"], RunnerType> = {
  instance: "instance_type",
  group: "group_type",
  project: "project_type",
};

function userRunnerArgs(args: RunnerFleetArgs) {
  const { fleet } = args;
  const scope = fleet.scope;
  const opts = { provider: args.gitlab.provider };
  let groupId: pulumi.Input<number> | undefined;
  let projectId: pulumi.Input<number> | undefined;
  if (scope.type === "group") {
    const group = scope.group ?? args.gitlab.defaultGroup!;
    groupId = typeof group === "number" ? group : getGroupOutput({ fullPath: group }, opts).groupId;
  } else if (scope.type === "project") {
    projectId =
      typeof scope.project === "number"
        ? scope.project
        : getProjectOutput({ pathWithNamespace: scope.project }, opts).id.apply(Number);
  }
  return {
    runnerType: RUNNER_TYPE[scope.type],
    groupId,
    projectId,
    description: fleet.description ?? `${fleet.name} (gitlab-ci-platform, stack ${pulumi.getStack()})`,
    tagLists: fleet.tags,
    untagged: fleet.runUntagged ?? fleet.tags.length === 0,
    locked: fleet.locked,
    paused: fleet.paused,
    accessLevel: fleet.protected ? ("ref_protected" as const) : ("not_protected" as const),
    maximumTimeout: fleet.maximumTimeout,
  };
}
