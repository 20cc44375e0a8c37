import * as TOML from "@iarna/toml";
import { Environment, ResourceView } from "../../policy/view";
import { PROJECT, fleetUrn, labels, resourceWith, urn, view, withField } from "./fixture-base";

/** Builders for resources that pass every rule; each test changes one field of a copy. */

export { PROJECT, fleetUrn, resourceWith, urn, view, withField };

/** A runner config.toml (as a TOML table) that passes every job pod rule in prod. */
export function passingRunnerConfig(): Record<string, unknown> {
  const context = {
    run_as_non_root: true,
    allow_privilege_escalation: false,
    capabilities: { drop: ["ALL"] },
    seccomp_profile: { type: "RuntimeDefault" },
  };
  return {
    concurrent: 4,
    runners: [
      {
        name: "build",
        url: "https://gitlab.example.com",
        token: "${RUNNER_TOKEN}",
        executor: "kubernetes",
        kubernetes: {
          namespace: "ci-build",
          image: "alpine:3.20",
          service_account: "build-jobs",
          automount_service_account_token: false,
          pull_policy: ["always", "if-not-present"],
          allowed_pull_policies: ["always", "if-not-present"],
          allowed_images: ["harbor.example.com/**/*", "alpine:*"],
          allowed_services: ["harbor.example.com/**/*"],
          cpu_limit: "2",
          memory_limit: "2Gi",
          helper_cpu_limit: "500m",
          helper_memory_limit: "256Mi",
          pod_security_context: {
            run_as_non_root: true,
            run_as_user: 1000,
            seccomp_profile: { type: "RuntimeDefault" },
          },
          build_container_security_context: context,
          helper_container_security_context: context,
          volumes: {
            secret: [{ name: "build-registry", mount_path: "/kaniko/.docker", read_only: true }],
          },
        },
      },
    ],
  };
}

export function runnerConfigMap(
  config: Record<string, unknown>,
  stack = "prod",
  fleet = "build",
): ResourceView {
  return view(
    "kubernetes:core/v1:ConfigMap",
    `${fleet}-config`,
    {
      metadata: {
        name: `${fleet}-runner-config`,
        namespace: "gitlab-runner",
        labels: labels("runner", fleet),
      },
      data: { "config.toml": TOML.stringify(config as TOML.JsonMap) },
    },
    { stack, parent: fleetUrn(stack, fleet) },
  );
}

/** The config map with one config.toml key of the first runner's [runners.kubernetes] changed. */
export function withJobSetting(key: string, value: unknown, stack = "prod"): ResourceView {
  return runnerConfigMap(withField(passingRunnerConfig(), `runners.0.kubernetes.${key}`, value), stack);
}

export function userRunner(stack = "prod", fleet = "build"): ResourceView {
  return view(
    "gitlab:index/userRunner:UserRunner",
    `${fleet}-runner`,
    {
      accessLevel: "ref_protected",
      runnerType: "group_type",
      groupId: 42,
      locked: false,
      maximumTimeout: 3600,
      tagLists: [fleet],
      untagged: false,
    },
    { stack, parent: fleetUrn(stack, fleet) },
  );
}

const restrictedContext = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ["ALL"] },
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  seccompProfile: { type: "RuntimeDefault" },
};

const managerResources = {
  requests: { cpu: "50m", memory: "128Mi" },
  limits: { cpu: "500m", memory: "256Mi" },
};

export function managerStatefulSet(stack = "prod", fleet = "build"): ResourceView {
  const image = "registry.gitlab.com/gitlab-org/gitlab-runner:alpine-v19.3.0";
  return view(
    "kubernetes:apps/v1:StatefulSet",
    `${fleet}-manager`,
    {
      metadata: { name: `${fleet}-runner`, namespace: "gitlab-runner", labels: labels("runner", fleet) },
      spec: {
        replicas: 2,
        selector: { matchLabels: labels("runner", fleet) },
        template: {
          metadata: { labels: labels("runner", fleet) },
          spec: {
            serviceAccountName: `${fleet}-runner`,
            securityContext: {
              runAsNonRoot: true,
              runAsUser: 100,
              seccompProfile: { type: "RuntimeDefault" },
            },
            terminationGracePeriodSeconds: 3990,
            initContainers: [
              {
                name: "prepare-config",
                image,
                resources: managerResources,
                securityContext: restrictedContext,
              },
            ],
            containers: [
              {
                name: "runner",
                image,
                env: [
                  {
                    name: "RUNNER_TOKEN",
                    valueFrom: { secretKeyRef: { name: `${fleet}-runner-token`, key: "runner-token" } },
                  },
                ],
                resources: managerResources,
                securityContext: restrictedContext,
                volumeMounts: [
                  { name: "config-template", mountPath: "/etc/gitlab-runner-template", readOnly: true },
                ],
              },
            ],
            volumes: [{ name: "config-template", configMap: { name: `${fleet}-runner-config` } }],
          },
        },
      },
    },
    { stack, parent: fleetUrn(stack, fleet) },
  );
}

export function runnerRole(stack = "prod", fleet = "build"): ResourceView {
  const rule = (resource: string, verbs: string[]) => ({ apiGroups: [""], resources: [resource], verbs });
  return view(
    "kubernetes:rbac.authorization.k8s.io/v1:Role",
    `${fleet}-role`,
    {
      metadata: { name: `${fleet}-runner`, namespace: "ci-build", labels: labels("runner", fleet) },
      rules: [
        rule("events", ["list"]),
        rule("pods", ["create", "delete", "get", "list", "watch"]),
        rule("pods/attach", ["create", "delete", "get", "patch"]),
        rule("pods/exec", ["create", "delete", "get", "patch"]),
        rule("pods/log", ["get", "list"]),
        rule("secrets", ["create", "delete", "get", "update"]),
        rule("services", ["create", "get"]),
      ],
    },
    { stack, parent: fleetUrn(stack, fleet) },
  );
}

export function runnerRoleBinding(stack = "prod", fleet = "build"): ResourceView {
  return view(
    "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
    `${fleet}-rolebinding`,
    {
      metadata: { name: `${fleet}-runner`, namespace: "ci-build", labels: labels("runner", fleet) },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: `${fleet}-runner` },
      subjects: [{ kind: "ServiceAccount", name: `${fleet}-runner`, namespace: "gitlab-runner" }],
    },
    { stack, parent: fleetUrn(stack, fleet) },
  );
}

export function namespace(name: string, component: string, level: string, stack = "prod"): ResourceView {
  return view(
    "kubernetes:core/v1:Namespace",
    `ns-${name}`,
    {
      metadata: {
        name,
        labels: { "app.kubernetes.io/component": component, "pod-security.kubernetes.io/enforce": level },
      },
    },
    { stack },
  );
}

export function managerPdb(stack = "prod", fleet = "build"): ResourceView {
  return view(
    "kubernetes:policy/v1:PodDisruptionBudget",
    `${fleet}-pdb`,
    {
      metadata: { name: `${fleet}-runner`, namespace: "gitlab-runner" },
      spec: { maxUnavailable: 1, selector: { matchLabels: labels("runner", fleet) } },
    },
    { stack, parent: fleetUrn(stack, fleet) },
  );
}

export function registrySecret(stack = "prod", fleet = "build"): ResourceView {
  return view(
    "kubernetes:core/v1:Secret",
    `${fleet}-registry`,
    {
      metadata: { name: `${fleet}-registry`, namespace: "ci-build" },
      type: "kubernetes.io/dockerconfigjson",
      stringData: { secret: true },
    },
    { stack, parent: fleetUrn(stack, fleet) },
  );
}

export function stackResource(stack: string, outputs: Record<string, unknown>): ResourceView {
  return view("pulumi:pulumi:Stack", `${PROJECT}-${stack}`, outputs, { stack });
}

/** The manager StatefulSet depending on what it runs with, as the program's dependsOn makes it. */
export function managerAfter(prerequisites: ResourceView[], stack = "prod", fleet = "build"): ResourceView {
  return { ...managerStatefulSet(stack, fleet), dependencies: prerequisites.map((r) => r.urn) };
}

/** The stack's PrometheusRule with one alert per named fleet, as the program labels them (`fleet`). */
export function alertRules(stack = "prod", fleets = ["build"]): ResourceView {
  return view(
    "kubernetes:monitoring.coreos.com/v1:PrometheusRule",
    "monitoring-alerts",
    {
      metadata: { name: "gitlab-runner-alerts", namespace: "gitlab-runner" },
      spec: {
        groups: fleets.map((fleet) => ({
          name: `gitlab-runner-${fleet}`,
          rules: [
            {
              alert: "GitLabRunnerManagerDown",
              expr: `(count by (namespace, service) (up{namespace="gitlab-runner", service="${fleet}-runner-metrics"} == 1) or on () vector(0)) < 1`,
              for: "5m",
              labels: { severity: "warning", fleet, namespace: "gitlab-runner" },
            },
          ],
        })),
      },
    },
    { stack },
  );
}

/** One fleet that pushes images (kaniko-style) and passes every rule of the given environment. */
export function passingStack(environment: Environment = "prod"): ResourceView[] {
  const stack = environment;
  const access = [
    runnerConfigMap(passingRunnerConfig(), stack),
    userRunner(stack),
    runnerRole(stack),
    runnerRoleBinding(stack),
  ];
  return [
    stackResource(stack, { managerNamespace: "gitlab-runner", runners: [{ fleet: "build", runnerId: "1" }] }),
    namespace("gitlab-runner", "runner-manager", "restricted", stack),
    namespace("ci-build", "ci-jobs", "restricted", stack),
    ...access,
    managerAfter(access, stack),
    managerPdb(stack),
    registrySecret(stack),
    alertRules(stack),
  ];
}

/** The stack with the resource of one name replaced. */
export function replace(resources: ResourceView[], replacement: ResourceView): ResourceView[] {
  return resources.map((resource) => (resource.name === replacement.name ? replacement : resource));
}
