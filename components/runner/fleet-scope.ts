import type * as pulumi from "@pulumi/pulumi";
import type { FleetPlan } from "../../model/fleet";
import { COMPONENTS, platformLabels } from "../../model/labels";

/** What every child of a fleet needs: its Pulumi name prefix, its parent and the fleet's plan. */
export interface FleetScope {
  /** Prefix of the children's Pulumi resource names. */
  name: string;
  parent: pulumi.Resource;
  plan: FleetPlan;
}

export function metadata(
  scope: FleetScope,
  name: string,
  namespace: string,
  component: string = COMPONENTS.runner,
) {
  return { name, namespace, labels: platformLabels(component, scope.plan.fleet) };
}
