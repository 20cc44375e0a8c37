import type * as pulumi from "@pulumi/pulumi";
import type { DeployTargetPlan } from "../../model/deploy";
import { COMPONENTS, platformLabels } from "../../model/labels";

/** What every child of a deploy target needs: its Pulumi name prefix, its parent and the plan. */
export interface Scope {
  name: string;
  parent: pulumi.Resource;
  plan: DeployTargetPlan;
}

export const metadata = ({ plan }: Scope, name: string) => ({
  name,
  namespace: plan.namespace,
  labels: platformLabels(COMPONENTS.deploy, plan.name),
});
