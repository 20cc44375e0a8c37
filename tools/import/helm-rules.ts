import {
  asBoolean,
  asCount,
  asHostAliases,
  asString,
  asTags,
  CACHE,
  config,
  drop,
  environment,
  executor,
  extra,
  type HelmRule,
  type HelmRules,
  imagePullSecrets,
  KUBERNETES,
  RUNNER,
  table,
  toModel,
} from "./helm-appliers";
import type { FleetExtras } from "./fleet";
import { MANAGER_POD_RULES, managerFields } from "./helm-manager";
import { isTable } from "../../model/config-toml";
import { REASONS } from "./reasons";

/** builds / services / helpers: cpuLimit, memoryRequests, … → cpu_limit, service_memory_request, … */
function containerResources(fieldPrefix: "" | "service" | "helper"): HelmRules {
  const rules: Record<string, HelmRule> = {};
  for (const resource of ["cpu", "memory"]) {
    for (const [chartKind, modelKind] of [
      ["Limit", "Limit"],
      ["Requests", "Request"],
    ]) {
      const base =
        fieldPrefix === "" ? resource : `${fieldPrefix}${resource[0].toUpperCase()}${resource.slice(1)}`;
      rules[`${resource}${chartKind}`] = toModel(...KUBERNETES, `${base}${modelKind}`);
      rules[`${resource}${chartKind}OverwriteMaxAllowed`] = toModel(
        ...KUBERNETES,
        `${base}${modelKind}OverwriteMaxAllowed`,
      );
    }
  }
  return rules;
}

const CACHE_RULES: HelmRules = {
  cacheType: toModel(...CACHE, "type"),
  cachePath: toModel(...CACHE, "path"),
  cacheShared: toModel(...CACHE, "shared"),
  s3ServerAddress: toModel(...CACHE, "s3", "serverAddress"),
  s3BucketName: toModel(...CACHE, "s3", "bucketName"),
  s3BucketLocation: toModel(...CACHE, "s3", "bucketLocation"),
  s3CacheInsecure: toModel(...CACHE, "s3", "insecure"),
  gcsBucketName: toModel(...CACHE, "gcs", "bucketName"),
  secretName: drop(REASONS.cacheSecretName),
};

const RUNNERS_RULES: HelmRules = {
  config,
  configPath: drop("the platform renders config.toml itself"),
  executor,
  name: extra("name", asString, "a string"),
  tags: extra("tags", asTags, 'a comma-separated string of tags such as "k8s,docker"'),
  runUntagged: extra("runUntagged", asBoolean, "true or false"),
  protected: extra("protected", asBoolean, "true or false"),
  locked: extra("locked", asBoolean, "true or false"),
  maximumTimeout: extra("maximumTimeout", asCount, "a number of seconds"),
  secret: drop(REASONS.secretRef),
  image: toModel(...KUBERNETES, "image"),
  imagePullSecrets,
  imagePullPolicy: toModel(...KUBERNETES, "pullPolicy"),
  privileged: toModel(...KUBERNETES, "privileged"),
  namespace: toModel(...KUBERNETES, "namespace"),
  pollTimeout: toModel(...KUBERNETES, "pollTimeout"),
  serviceAccountName: toModel(...KUBERNETES, "serviceAccount"),
  nodeSelector: toModel(...KUBERNETES, "nodeSelector"),
  nodeTolerations: toModel(...KUBERNETES, "nodeTolerations"),
  podLabels: toModel(...KUBERNETES, "podLabels"),
  podAnnotations: toModel(...KUBERNETES, "podAnnotations"),
  pod_security_context: toModel(...KUBERNETES, "podSecurityContext"),
  requestConcurrency: toModel(...RUNNER, "requestConcurrency"),
  outputLimit: toModel(...RUNNER, "outputLimit"),
  cloneUrl: toModel(...RUNNER, "cloneUrl"),
  env: environment,
  cache: table(CACHE_RULES),
  builds: table(containerResources("")),
  services: table(containerResources("service")),
  helpers: table({ ...containerResources("helper"), image: toModel(...KUBERNETES, "helperImage") }),
};

const MANAGER = drop(REASONS.managerSetting);

/** The chart's manager `resources: {requests, limits}` → the fleet's `manager.requests` / `manager.limits`. */
function asManagerResources(value: unknown): FleetExtras["manager"] | undefined {
  const list = (v: unknown) =>
    v === undefined ||
    (isTable(v) &&
      Object.entries(v).every(([k, q]) => ["cpu", "memory"].includes(k) && typeof q === "string"));
  if (!isTable(value) || !list(value.requests) || !list(value.limits)) return undefined;
  const manager: NonNullable<FleetExtras["manager"]> = {};
  if (value.requests && Object.keys(value.requests).length)
    manager.requests = value.requests as Record<string, string>;
  if (value.limits && Object.keys(value.limits).length)
    manager.limits = value.limits as Record<string, string>;
  return manager;
}

/** The values of the official gitlab-runner chart (versions 0.x), as the field reports use them. */
export const TOP_LEVEL: HelmRules = {
  gitlabUrl: extra("gitlabUrl", asString, "the GitLab URL"),
  hostAliases: extra("hostAliases", asHostAliases, "a list of {ip, hostnames}"),
  concurrent: toModel("concurrent"),
  checkInterval: toModel("checkInterval"),
  logLevel: toModel("logLevel"),
  logFormat: toModel("logFormat"),
  runners: table(RUNNERS_RULES),
  resources: managerFields(asManagerResources, "{requests, limits} with cpu and memory quantities"),
  runnerRegistrationToken: drop(REASONS.token),
  runnerToken: drop(REASONS.token),
  unregisterRunners: drop(REASONS.unregister),
  terminationGracePeriodSeconds: drop(REASONS.terminationGrace),
  certsSecretName: drop(REASONS.certsSecret),
  imagePullPolicy: drop(REASONS.managerImage),
  rbac: drop(REASONS.rbac),
  serviceAccount: drop(REASONS.rbac),
  service: drop(REASONS.metrics),
  sessionServer: drop(REASONS.sessionServer),
  securityContext: drop(REASONS.managerSecurity),
  podSecurityContext: drop(REASONS.managerSecurity),
  containerSecurityContext: drop(REASONS.managerSecurity),
  tags: drop(REASONS.topLevelTags),
  sentryDsn: drop(REASONS.globalUnsupported),
  connectionMaxAge: drop(REASONS.globalUnsupported),
  shutdownTimeout: MANAGER,
  preEntrypointScript: MANAGER,
  ...Object.fromEntries(
    [
      "schedulerName",
      "runtimeClassName",
      "deploymentAnnotations",
      "deploymentLabels",
      "deploymentLifecycle",
      "revisionHistoryLimit",
      "strategy",
      "livenessProbe",
      "readinessProbe",
      "probeTimeoutSeconds",
      "secrets",
      "configMaps",
      "volumeMounts",
      "volumes",
      "useTini",
      "hpa",
      "extraObjects",
    ].map((key) => [key, MANAGER]),
  ),
  ...MANAGER_POD_RULES,
};
