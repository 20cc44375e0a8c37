import * as corev1 from "@pulumi/kubernetes/core/v1";
import * as pulumi from "@pulumi/pulumi";
import { ANNOTATIONS, COMPONENTS, platformLabels } from "../../model/labels";
import {
  JobPodNeeds,
  NamespacePolicy,
  jobNamespacePolicies,
  podSecurityLabels,
} from "../../model/pod-security";

export interface PlatformNamespacesArgs {
  /** Namespace of the runner managers; always Pod Security "restricted". */
  managerNamespace: string;
  /** What each fleet's job pods need; job namespaces get the least permissive level that admits them all. */
  jobPods: JobPodNeeds[];
}

/** The manager namespace and the job namespaces, each labelled with the Pod Security level it enforces. */
export class PlatformNamespaces extends pulumi.ComponentResource {
  public readonly manager: corev1.Namespace;
  /** Job namespaces by name. */
  public readonly jobs: Record<string, corev1.Namespace> = {};
  public readonly jobPolicies: NamespacePolicy[];

  constructor(name: string, args: PlatformNamespacesArgs, opts?: pulumi.ComponentResourceOptions) {
    super("gitlab-ci-platform:namespaces:PlatformNamespaces", name, {}, opts);
    const child = { parent: this };
    this.manager = namespace(
      `${name}-manager`,
      args.managerNamespace,
      "restricted",
      COMPONENTS.managerNamespace,
      child,
    );
    this.jobPolicies = jobNamespacePolicies(args.jobPods);
    for (const policy of this.jobPolicies) {
      this.jobs[policy.namespace] = namespace(
        `${name}-jobs-${policy.namespace}`,
        policy.namespace,
        policy.level,
        COMPONENTS.jobs,
        child,
        policy.reasons,
      );
    }
    this.registerOutputs({
      manager: args.managerNamespace,
      jobs: this.jobPolicies.map((p) => ({ namespace: p.namespace, level: p.level })),
    });
  }
}

function namespace(
  resourceName: string,
  namespaceName: string,
  level: NamespacePolicy["level"],
  component: string,
  opts: pulumi.CustomResourceOptions,
  reasons: string[] = [],
): corev1.Namespace {
  return new corev1.Namespace(
    resourceName,
    {
      metadata: {
        name: namespaceName,
        labels: { ...platformLabels(component), ...podSecurityLabels(level) },
        annotations: reasons.length ? { [ANNOTATIONS.podSecurityReason]: reasons.join("; ") } : undefined,
      },
    },
    opts,
  );
}
