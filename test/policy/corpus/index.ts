import { DEV_FLEET_VARIANTS } from "./dev-fleet-variants";
import { DEV_JOB_VARIANTS } from "./dev-job-variants";
import { STACK_VARIANTS } from "./stack-variants";
import { Variant, fleet, resource, toml } from "./variant";

export type { Rendered, Variant } from "./variant";

/** The false-alarm corpus: sound variants of the shipped stacks, each of which the pack must pass. */
export const VARIANTS: readonly Variant[] = [...DEV_FLEET_VARIANTS, ...DEV_JOB_VARIANTS, ...STACK_VARIANTS];

/** Unsound variants the corpus must catch: the same pipeline reports their violations, so silence means none. */
export const CONTROLS: readonly Variant[] = [
  {
    name: "dev-control-services-unlisted",
    from: "dev",
    what: "the general fleet without allowedServices",
    change: (c) => delete fleet(c, "k8s").kubernetes.allowedServices,
    shows: (r) => !toml(/name = "k8s"[\s\S]*allowed_services/)(r),
    flaggedBy: ["job-pods-allowed-services"],
  },
  {
    name: "prod-control-instance-claim",
    from: "prod",
    what: "the general fleet for the whole instance, writing the NAS",
    change: (c) => Object.assign(fleet(c, "k8s"), { scope: { type: "instance" }, cache: { type: "nas" } }),
    shows: resource("gitlab:index/userRunner:UserRunner", /instance_type/),
    flaggedBy: ["job-pods-no-shared-writable-volumes"],
  },
];
