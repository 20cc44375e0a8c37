import { stringList } from "../config-toml";
import { MANDATORY, ResourceRule } from "../rule";
import { Finding, isUnknown } from "../view";
import { CONFIG_MAP_TYPE, RunnerUnderCheck, checkRunners, jobFinding } from "./job-pod-helpers";

/** A runner image pattern (doublestar globbing) that admits every image. */
const ADMITS_EVERY_IMAGE = /^(\*\*?\/?)+(\*)?(:\*)?$/;

/**
 * Findings for an allowlist of images: the runner admits every image when the list is empty
 * (common.VerifyAllowedImage), so an empty list and a match-all pattern are the same hole.
 */
export function allowlistFindings(
  subject: RunnerUnderCheck,
  list: { key: string; fleetKey: string; admits: string },
): Finding[] {
  const { key, fleetKey, admits } = list;
  const allowed = stringList(subject.kubernetes[key]);
  if (isUnknown(allowed)) return [];
  if (allowed.length === 0) {
    return [
      jobFinding(
        subject,
        key,
        `is not set: the runner then admits ${admits}`,
        `list the registries and images jobs may use (fleet kubernetes.${fleetKey})`,
      ),
    ];
  }
  return allowed
    .filter((pattern) => ADMITS_EVERY_IMAGE.test(pattern))
    .map((pattern) =>
      jobFinding(
        subject,
        key,
        `contains "${pattern}", which allows every image`,
        "list registries or image paths instead",
      ),
    );
}

export const jobPodsAllowedServices: ResourceRule = {
  kind: "resource",
  name: "job-pods-allowed-services",
  threats: ["DEV-2"],
  description:
    "Every runner lists the images jobs may run as services (allowed_services): the runner checks services against that list only.",
  severity: "high",
  enforcement: MANDATORY,
  types: [CONFIG_MAP_TYPE],
  check: (resource, context) =>
    checkRunners(resource, context, (subject) =>
      allowlistFindings(subject, {
        key: "allowed_services",
        fleetKey: "allowedServices",
        admits: "every image as a service, whatever allowed_images says",
      }),
    ),
};
