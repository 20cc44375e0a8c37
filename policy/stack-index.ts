import { CONFIG_MAP_TYPE, ConfigRead, readRunnerConfig } from "./config-toml";
import { POD_SECURITY_ENFORCE_LABEL } from "./facts";
import { ResourceView, at, asString, label, objectName, objectNamespace } from "./view";
import { isRunnerManager } from "./workloads";

export const USER_RUNNER_TYPE = "gitlab:index/userRunner:UserRunner";
export const NAMESPACE_TYPE = "kubernetes:core/v1:Namespace";
export const SECRET_TYPE = "kubernetes:core/v1:Secret";
export const ROLE_TYPE = "kubernetes:rbac.authorization.k8s.io/v1:Role";
export const ROLE_BINDING_TYPE = "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding";
export const CLUSTER_ROLE_TYPE = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole";
export const PROJECT_VARIABLE_TYPE = "gitlab:index/projectVariable:ProjectVariable";
export const GROUP_VARIABLE_TYPE = "gitlab:index/groupVariable:GroupVariable";
export const INSTANCE_VARIABLE_TYPE = "gitlab:index/instanceVariable:InstanceVariable";
export const VARIABLE_TYPES = [PROJECT_VARIABLE_TYPE, GROUP_VARIABLE_TYPE, INSTANCE_VARIABLE_TYPE];
export const CLUSTER_ROLE_BINDING_TYPE = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding";

/** What one runner fleet consists of: the resources that share a parent with its runner config. */
export interface Fleet {
  /** The component that created the fleet (parent URN), or the config map's URN when it has no parent. */
  key: string;
  configMap: ResourceView;
  config: ConfigRead;
  runner?: ResourceView;
  manager?: ResourceView;
}

function byParent(resources: ResourceView[], key: string, predicate: (r: ResourceView) => boolean) {
  return resources.find((resource) => resource.parent === key && predicate(resource));
}

/** Fleets: every ConfigMap holding a config.toml, with the GitLab runner and manager created beside it. */
export function fleetsOf(resources: ResourceView[]): Fleet[] {
  return resources
    .filter((resource) => resource.type === CONFIG_MAP_TYPE)
    .map((configMap) => ({ configMap, config: readRunnerConfig(configMap) }))
    .filter(({ config }) => config.state !== "absent")
    .map(({ configMap, config }) => {
      const key = configMap.parent ?? configMap.urn;
      const runner = configMap.parent
        ? byParent(resources, key, (r) => r.type === USER_RUNNER_TYPE)
        : undefined;
      const manager = configMap.parent ? byParent(resources, key, isRunnerManager) : undefined;
      return { key, configMap, config, ...(runner ? { runner } : {}), ...(manager ? { manager } : {}) };
    });
}

export function namespacesOf(resources: ResourceView[]): Map<string, ResourceView> {
  return new Map(
    resources
      .filter((resource) => resource.type === NAMESPACE_TYPE)
      .map((ns) => [objectName(ns), ns] as const),
  );
}

/** The Pod Security level a namespace enforces (`pod-security.kubernetes.io/enforce`), if labelled. */
export function enforcedLevel(namespace: ResourceView): string | undefined {
  return label(namespace, POD_SECURITY_ENFORCE_LABEL);
}

export function findSecret(resources: ResourceView[], namespace: string | undefined, name: string) {
  return resources.find(
    (resource) =>
      resource.type === SECRET_TYPE &&
      objectName(resource) === name &&
      (namespace === undefined ||
        objectNamespace(resource) === undefined ||
        objectNamespace(resource) === namespace),
  );
}

export function secretType(secret: ResourceView): string | undefined {
  return asString(at(secret.props, "type"));
}
