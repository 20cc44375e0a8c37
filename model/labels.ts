/** Label keys the platform writes on every object and reads back (synth, policies): stated once here. */
export const LABELS = {
  partOf: "app.kubernetes.io/part-of",
  managedBy: "app.kubernetes.io/managed-by",
  component: "app.kubernetes.io/component",
  /** The fleet an object belongs to. */
  instance: "app.kubernetes.io/instance",
} as const;

/** Annotation keys of the platform's own. */
export const ANNOTATIONS = {
  /** On a namespace: why its Pod Security level is above restricted. */
  podSecurityReason: "gitlab-ci-platform/pod-security-reason",
  /** On the manager pod template: the runner's id in GitLab, so a new runner (new token) rolls the pods. */
  runnerRevision: "gitlab-ci-platform/runner-revision",
  /**
   * On the manager pod template: a checksum of the credentials the manager reads from its environment, so
   * rotating them rolls the pods (gracefully). Never of config.toml, which the runner reloads by itself.
   */
  credentialsChecksum: "gitlab-ci-platform/credentials-checksum",
  /** On a deploy namespace: the application and environment it serves, `<application>/<environment>`. */
  deployTarget: "gitlab-ci-platform/deploy-target",
  /**
   * On a deploy namespace the GitLab agent serves: the project and GitLab environment whose CI/CD jobs deploy there,
   * `<project path>:<environment>` (the policy pack holds the agent's `ci_access` to these).
   */
  agentAccess: "gitlab-ci-platform/agent-access",
  /**
   * On every Kubernetes object of the stack, "true": the Kubernetes provider forces its Server-Side Apply, so
   * fields someone edited by hand (`kubectl edit`/`patch`, another field manager) are taken back by the next
   * `pulumi up` instead of stopping it on a field conflict (docs/drift.md).
   */
  patchForce: "pulumi.com/patchForce",
} as const;

/** Values of the component label. */
export const COMPONENTS = {
  /** A fleet's manager and what belongs to it in the manager namespace. */
  runner: "runner",
  /** What a fleet puts in its job namespace (ServiceAccount, credentials) and the job namespaces themselves. */
  jobs: "ci-jobs",
  managerNamespace: "runner-manager",
  cacheClaim: "runner-cache",
  buildsClaim: "runner-builds",
  /** The stack's alerting rules and dashboard. */
  monitoring: "monitoring",
  /** An application's namespace and its deployer (ServiceAccount, Role, RoleBinding, token). */
  deploy: "deploy",
  /** The GitLab agent for Kubernetes (agentk): its namespace, Deployment and impersonation RBAC. */
  agent: "gitlab-agent",
} as const;

/** Labels every object of the platform carries. */
export function platformLabels(component: string, instance?: string): Record<string, string> {
  return {
    [LABELS.partOf]: "gitlab-ci-platform",
    [LABELS.managedBy]: "pulumi",
    [LABELS.component]: component,
    ...(instance ? { [LABELS.instance]: instance } : {}),
  };
}
