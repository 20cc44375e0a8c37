import { environmentSlug, projectEnvironmentGroup } from "../agent";
import type { PolicyRule } from "../fleet/rbac";
import type { VariableSpec } from "../gitlab/variables";
import type { PodSecurityLevel } from "../pod-security";
import { rotationSuffix } from "../rotation";
import { deployRoleRules, type DeployableKind } from "./role";

/**
 * How an environment's deploy jobs reach the cluster: a long-lived deployer token in a KUBECONFIG variable, or the
 * GitLab agent for Kubernetes, which impersonates each job (no credential in GitLab at all).
 */
export const DEPLOY_ACCESS_MODES = ["kubeconfig", "agent"] as const;
export type DeployAccessMode = (typeof DEPLOY_ACCESS_MODES)[number];

/** One application environment, in the platform's terms. */
export interface DeployTargetSpec {
  application: string;
  environment: string;
  /** GitLab project (path with namespace) whose pipelines deploy it. */
  project: string;
  access: DeployAccessMode;
  /**
   * The GitLab environment(s) it serves: the KUBECONFIG variable's scope, e.g. `production` or `review/*`; with the
   * agent, the one environment whose jobs it admits (a name, no wildcard).
   */
  environmentScope: string;
  /** The application's namespace, created for it. */
  namespace: string;
  podSecurity: PodSecurityLevel;
  deploys: readonly DeployableKind[];
  /** Also grant delete, for `kubectl apply --prune` or `helm uninstall`. */
  prune: boolean;
  /** ResourceQuota `spec.hard`, when set. */
  quota?: Record<string, string>;
  /** LimitRange container defaults, when set. */
  containerDefaults?: { requests?: Record<string, string>; limits?: Record<string, string> };
  /** Change it to replace the token Secret and so rotate the token (kubeconfig access). */
  tokenRotation?: string;
}

/** A deployer ServiceAccount whose token reaches jobs as a KUBECONFIG file variable. */
export interface KubeconfigAccessPlan {
  mode: "kubeconfig";
  serviceAccount: string;
  /** Name of the `kubernetes.io/service-account-token` Secret (its name carries the rotation). */
  tokenSecret: string;
  contextName: string;
  /** The GitLab variable the kubeconfig is delivered as (its value comes from the token at deploy time). */
  variable: VariableSpec;
}

/** The Role bound to the group GitLab's agent server gives this project's jobs in this environment. */
export interface AgentAccessPlan {
  mode: "agent";
  project: string;
  /** The GitLab environment whose jobs deploy here. */
  gitlabEnvironment: string;
  /** Its slug, as GitLab computes it: the group's last part. */
  environmentSlug: string;
  /** `<project path>:<environment>`, written on the namespace. */
  annotation: string;
}

/** Everything a deploy target consists of: the component creates exactly this. */
export interface DeployTargetPlan {
  /** `<application>-<environment>`: names the component and its children. */
  name: string;
  /** `<application>/<environment>`, written on the namespace so readers can tell them apart. */
  target: string;
  namespace: string;
  podSecurity: PodSecurityLevel;
  role: string;
  roleRules: PolicyRule[];
  quota?: Record<string, string>;
  containerDefaults?: DeployTargetSpec["containerDefaults"];
  access: KubeconfigAccessPlan | AgentAccessPlan;
}

/** The variable deploy jobs read: kubectl, helm and the Kubernetes clients all honour `KUBECONFIG`. */
export const KUBECONFIG_VARIABLE = "KUBECONFIG";
export const DEPLOYER = "deployer";

export function planDeployTarget(spec: DeployTargetSpec): DeployTargetPlan {
  const name = `${spec.application}-${spec.environment}`;
  return {
    name,
    target: `${spec.application}/${spec.environment}`,
    namespace: spec.namespace,
    podSecurity: spec.podSecurity,
    role: DEPLOYER,
    roleRules: deployRoleRules(spec.deploys, spec.prune),
    quota: spec.quota,
    containerDefaults: spec.containerDefaults,
    access: spec.access === "agent" ? agentAccess(spec) : kubeconfigAccess(spec, name),
  };
}

function kubeconfigAccess(spec: DeployTargetSpec, name: string): KubeconfigAccessPlan {
  const rotation = spec.tokenRotation ? `-${rotationSuffix(spec.tokenRotation)}` : "";
  return {
    mode: "kubeconfig",
    serviceAccount: DEPLOYER,
    tokenSecret: `${DEPLOYER}-token${rotation}`,
    contextName: `${spec.namespace}-${DEPLOYER}`,
    // A kubeconfig spans lines, so GitLab cannot mask it: it is a protected file variable of one environment.
    variable: {
      owner: { kind: "project", path: spec.project },
      key: KUBECONFIG_VARIABLE,
      masked: false,
      hidden: false,
      protected: true,
      variableType: "file",
      environmentScope: spec.environmentScope,
      raw: true,
      description: `kubeconfig of ${DEPLOYER} in ${spec.namespace} (${name})`,
      credential: true,
      kubeconfig: true,
    },
  };
}

function agentAccess(spec: DeployTargetSpec): AgentAccessPlan {
  return {
    mode: "agent",
    project: spec.project,
    gitlabEnvironment: spec.environmentScope,
    environmentSlug: environmentSlug(spec.environmentScope),
    annotation: agentAccessAnnotation(spec.project, spec.environmentScope),
  };
}

/** What an agent target's namespace is annotated with: the project and GitLab environment whose jobs deploy there. */
export function agentAccessAnnotation(project: string, gitlabEnvironment: string): string {
  return `${project}:${gitlabEnvironment}`;
}

/** The project and GitLab environment an agent-access annotation names (a project path holds no `:`). */
export function readAgentAccessAnnotation(annotation: string): {
  project: string;
  gitlabEnvironment: string;
} {
  const at = annotation.indexOf(":");
  return { project: annotation.slice(0, at), gitlabEnvironment: annotation.slice(at + 1) };
}

/** The group the target's RoleBinding names once the project's numeric id is known. */
export function agentSubjectGroup(access: AgentAccessPlan, projectId: number | string): string {
  return projectEnvironmentGroup(projectId, access.environmentSlug);
}
