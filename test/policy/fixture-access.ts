import { ResourceView } from "../../policy/view";
import { PROJECT, fleetUrn, labels, view, withField } from "./fixture-base";
import { passingRunnerConfig, runnerConfigMap, userRunner } from "./fixtures";

/** Builders for the accounts, bindings and second fleets the access and sharing rules compare. */

export function serviceAccount(name: string, namespace: string, automount?: boolean): ResourceView {
  return view("kubernetes:core/v1:ServiceAccount", `sa-${namespace}-${name}`, {
    metadata: { name, namespace },
    ...(automount === undefined ? {} : { automountServiceAccountToken: automount }),
  });
}

export function roleBinding(
  name: string,
  namespace: string,
  subjects: Array<Record<string, unknown>>,
  extra: Record<string, unknown> = {},
): ResourceView {
  return view("kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", name, {
    metadata: { name, namespace, ...extra },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "deployer" },
    subjects,
  });
}

/** The passing runner config with one [runners.kubernetes] key of its first runner changed. */
export function jobConfig(key: string, value: unknown): Record<string, unknown> {
  return withField(passingRunnerConfig(), `runners.0.kubernetes.${key}`, value);
}

/**
 * A second fleet, "general", in its own namespace: no credential, any ref of group 42 unless told otherwise.
 * `kubernetes` replaces keys of its [runners.kubernetes].
 */
export function generalFleet(
  kubernetes: Record<string, unknown> = {},
  runner: Record<string, unknown> = {},
  stack = "prod",
): ResourceView[] {
  let config = withField(passingRunnerConfig(), "runners.0.name", "general");
  config = withField(config, "runners.0.kubernetes.namespace", "ci-general");
  config = withField(config, "runners.0.kubernetes.volumes", {});
  for (const [key, value] of Object.entries(kubernetes))
    config = withField(config, `runners.0.kubernetes.${key}`, value);
  const gitlab = userRunner(stack, "general");
  return [
    runnerConfigMap(config, stack, "general"),
    { ...gitlab, props: { ...gitlab.props, accessLevel: "not_protected", ...runner } },
  ];
}

export function persistentVolume(name: string, spec: Record<string, unknown>): ResourceView {
  return view("kubernetes:core/v1:PersistentVolume", name, {
    metadata: { name, labels: labels("runner-cache") },
    spec: { accessModes: ["ReadWriteMany"], persistentVolumeReclaimPolicy: "Retain", ...spec },
  });
}

export function claim(name: string, namespace: string, spec: Record<string, unknown> = {}): ResourceView {
  return view(
    "kubernetes:core/v1:PersistentVolumeClaim",
    name,
    { metadata: { name, namespace }, spec: { accessModes: ["ReadWriteMany"], ...spec } },
    { parent: fleetUrn("prod", "build") },
  );
}

export { PROJECT };
