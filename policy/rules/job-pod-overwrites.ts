import { parseQuantity } from "../quantity";
import { PROD_MANDATORY, ResourceRule } from "../rule";
import { Finding, asString } from "../view";
import { CONFIG_MAP_TYPE, RunnerUnderCheck, checkRunners, jobFinding } from "./job-pod-helpers";

/** Regular-expression overwrite keys: a job may set the value when it matches. */
const PATTERN_OVERWRITES = [
  "namespace_overwrite_allowed",
  "service_account_overwrite_allowed",
  "pod_labels_overwrite_allowed",
  "pod_annotations_overwrite_allowed",
  "node_selector_overwrite_allowed",
  "node_tolerations_overwrite_allowed",
];

/** A pattern that matches (nearly) anything. */
const MATCHES_ANYTHING = /^\^?(\.\*|\.\+|\(\.\*\)|\[\^?\]\*)\$?$/;

function ceilingFor(key: string, subject: RunnerUnderCheck): number | undefined {
  const { cpu, memory, ephemeralStorage } = subject.context.limits.overwriteMax;
  if (key.includes("ephemeral_storage")) return parseQuantity(ephemeralStorage);
  if (key.includes("memory")) return parseQuantity(memory);
  if (key.includes("cpu")) return parseQuantity(cpu);
  return undefined;
}

function maxAllowedFindings(subject: RunnerUnderCheck): Finding[] {
  return Object.entries(subject.kubernetes)
    .filter(([key]) => key.endsWith("_overwrite_max_allowed"))
    .flatMap(([key, value]) => {
      const quantity = parseQuantity(String(value));
      const ceiling = ceilingFor(key, subject);
      if (quantity === undefined) {
        return [
          jobFinding(
            subject,
            key,
            `is "${String(value)}", not a quantity, so its bound could not be checked`,
            "write a Kubernetes quantity such as 4 or 8Gi",
          ),
        ];
      }
      return ceiling !== undefined && quantity > ceiling
        ? [
            jobFinding(
              subject,
              key,
              `lets a job raise its own resources to ${String(value)}, above the ${subject.context.environment} ceiling`,
              "lower it or raise the ceiling in the policy config (overwriteMax)",
            ),
          ]
        : [];
    });
}

function patternFindings(subject: RunnerUnderCheck): Finding[] {
  const findings = PATTERN_OVERWRITES.filter((key) =>
    MATCHES_ANYTHING.test(asString(subject.kubernetes[key]) ?? "-"),
  ).map((key) =>
    jobFinding(
      subject,
      key,
      `is "${String(subject.kubernetes[key])}": a job may set any value`,
      "restrict the pattern to the values jobs really need, or remove it",
    ),
  );
  if (subject.kubernetes.bearer_token_overwrite_allowed === true) {
    findings.push(
      jobFinding(
        subject,
        "bearer_token_overwrite_allowed",
        "is true: a job may choose the API token its pod runs with",
        "remove it",
      ),
    );
  }
  return findings;
}

export const jobPodsBoundedOverwrites: ResourceRule = {
  kind: "resource",
  name: "job-pods-bounded-overwrites",
  threats: ["DEV-12", "DEV-8"],
  description: "What jobs may overwrite is bounded: resource maxima under a ceiling, no match-all patterns.",
  severity: "medium",
  enforcement: PROD_MANDATORY,
  types: [CONFIG_MAP_TYPE],
  check: (resource, context) =>
    checkRunners(resource, context, (subject) => [
      ...maxAllowedFindings(subject),
      ...patternFindings(subject),
    ]),
};
