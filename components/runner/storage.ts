import * as k8s from "@pulumi/kubernetes";
import type { FleetConfig } from "../../config";
import { FleetScope, metadata } from "./fleet-scope";

function claim(
  scope: FleetScope,
  resourceName: string,
  claimName: string,
  component: string,
  spec: { accessMode: string; size: string; storageClass?: string },
): k8s.core.v1.PersistentVolumeClaim {
  return new k8s.core.v1.PersistentVolumeClaim(
    resourceName,
    {
      metadata: metadata(scope, claimName, scope.jobNamespace, component),
      spec: {
        accessModes: [spec.accessMode],
        storageClassName: spec.storageClass,
        resources: { requests: { storage: spec.size } },
      },
    },
    { parent: scope.parent },
  );
}

/** The shared cache volume, mounted by every job of the fleet at its cache dir. */
export function cacheClaim(scope: FleetScope, cache: Extract<FleetConfig["cache"], { type: "pvc" }>) {
  return claim(scope, `${scope.name}-cache`, scope.names.cacheClaim, "runner-cache", cache);
}

/** One claim per concurrent job: jobs mount `<prefix>$CI_CONCURRENT_ID`, so clones persist between jobs. */
export function buildClaims(
  scope: FleetScope,
  builds: Extract<FleetConfig["builds"], { type: "pvcPerJob" }>,
  concurrent: number,
) {
  return Array.from({ length: concurrent }, (_, i) =>
    claim(scope, `${scope.name}-builds-${i}`, `${scope.names.buildsClaimPrefix}${i}`, "runner-builds", {
      accessMode: "ReadWriteOnce",
      ...builds,
    }),
  );
}
