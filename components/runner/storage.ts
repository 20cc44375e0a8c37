import * as corev1 from "@pulumi/kubernetes/core/v1";
import type { ClaimPlan } from "../../model/fleet";
import { FleetScope, metadata } from "./fleet-scope";

/** A claim in the job namespace: the shared cache or one builds volume (the component label tells which). */
export function claim(
  scope: FleetScope,
  resourceName: string,
  component: string,
  spec: ClaimPlan,
): corev1.PersistentVolumeClaim {
  return new corev1.PersistentVolumeClaim(
    resourceName,
    {
      metadata: metadata(scope, spec.name, scope.plan.jobNamespace, component),
      spec: {
        accessModes: [spec.accessMode],
        storageClassName: spec.storageClass,
        resources: { requests: { storage: spec.size } },
      },
    },
    { parent: scope.parent },
  );
}
