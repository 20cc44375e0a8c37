import * as pulumi from "@pulumi/pulumi";
import { platformLabels } from "../../model/labels";

/** Kubernetes object names of a fleet: all derived from its name, so fleets never collide. */
export function objectNames(fleet: string) {
  return {
    tokenSecret: `${fleet}-runner-token`,
    configMap: `${fleet}-runner-config`,
    caConfigMap: `${fleet}-gitlab-ca`,
    cacheSecret: `${fleet}-cache-s3`,
    managerServiceAccount: `${fleet}-runner`,
    role: `${fleet}-runner`,
    manager: `${fleet}-runner`,
    service: `${fleet}-runner-metrics`,
    jobServiceAccount: `${fleet}-jobs`,
    registrySecret: `${fleet}-registry`,
    gitSshSecret: `${fleet}-git-ssh`,
    cacheClaim: `${fleet}-cache`,
    buildsClaimPrefix: `${fleet}-builds-`,
  };
}
export type ObjectNames = ReturnType<typeof objectNames>;

/** What every child of a fleet needs: its Pulumi name prefix, its parent, its object names and metadata. */
export interface FleetScope {
  /** Prefix of the children's Pulumi resource names. */
  name: string;
  fleet: string;
  parent: pulumi.Resource;
  names: ObjectNames;
  managerNamespace: string;
  jobNamespace: string;
}

export function metadata(scope: FleetScope, name: string, namespace: string, component = "runner") {
  return { name, namespace, labels: platformLabels(component, scope.fleet) };
}
