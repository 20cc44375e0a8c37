import type { PolicyRule } from "../fleet/rbac";
import type { VariableSpec } from "../gitlab/variables";
import type { PodSecurityLevel } from "../pod-security";
import { rotationSuffix } from "../rotation";
import { deployRoleRules, type DeployableKind } from "./role";

/** One application environment, in the platform's terms. */
export interface DeployTargetSpec {
  application: string;
  environment: string;
  /** GitLab project (path with namespace) whose pipelines deploy it. */
  project: string;
  /** GitLab environment scope the kubeconfig is given to, e.g. `production` or `review/*`. */
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
  /** Change it to replace the token Secret and so rotate the token. */
  tokenRotation?: string;
}

/** Everything a deploy target consists of: the component creates exactly this. */
export interface DeployTargetPlan {
  /** `<application>-<environment>`: names the component and its children. */
  name: string;
  /** `<application>/<environment>`, written on the namespace so readers can tell them apart. */
  target: string;
  namespace: string;
  podSecurity: PodSecurityLevel;
  serviceAccount: string;
  role: string;
  roleRules: PolicyRule[];
  /** Name of the `kubernetes.io/service-account-token` Secret (its name carries the rotation). */
  tokenSecret: string;
  contextName: string;
  quota?: Record<string, string>;
  containerDefaults?: DeployTargetSpec["containerDefaults"];
  /** The GitLab variables the kubeconfig is delivered as (values come from the token at deploy time). */
  variable: VariableSpec;
}

/** The variable deploy jobs read: kubectl, helm and the Kubernetes clients all honour `KUBECONFIG`. */
export const KUBECONFIG_VARIABLE = "KUBECONFIG";
export const DEPLOYER = "deployer";

export function planDeployTarget(spec: DeployTargetSpec): DeployTargetPlan {
  const name = `${spec.application}-${spec.environment}`;
  const rotation = spec.tokenRotation ? `-${rotationSuffix(spec.tokenRotation)}` : "";
  return {
    name,
    target: `${spec.application}/${spec.environment}`,
    namespace: spec.namespace,
    podSecurity: spec.podSecurity,
    serviceAccount: DEPLOYER,
    role: DEPLOYER,
    roleRules: deployRoleRules(spec.deploys, spec.prune),
    tokenSecret: `${DEPLOYER}-token${rotation}`,
    contextName: `${spec.namespace}-${DEPLOYER}`,
    quota: spec.quota,
    containerDefaults: spec.containerDefaults,
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
