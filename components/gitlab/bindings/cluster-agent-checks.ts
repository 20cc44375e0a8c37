import type * as pulumi from "@pulumi/pulumi";
import { invalidArgs, plainValue } from "./plain-input";

/** GitLab's rule for agent names: a DNS label (RFC 1123) of at most 63 characters. */
export const CLUSTER_AGENT_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Refuses a known agent name GitLab would refuse, so the mistake fails at preview instead of midway through up. */
export function checkClusterAgentName(resource: string, name: pulumi.Input<string> | undefined): void {
  const value = plainValue(name);
  if (typeof value === "string" && !CLUSTER_AGENT_NAME.test(value)) {
    throw invalidArgs(
      "gitlab.ClusterAgent",
      resource,
      `name must be a DNS label of at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit, got "${value}"`,
    );
  }
}
