import * as pulumi from "@pulumi/pulumi";
import { plainConfigSchema } from "../../config";
import type { FleetSpec } from "../../model/fleet";
import type { RunnerFleetArgs } from "../../components/runner";

/** A fleet as the loader would produce it from the given stack-file values (defaults applied). */
export function fleetConfig(values: Record<string, unknown> = {}): FleetSpec {
  return plainConfigSchema.parse({
    gitlab: { url: "https://gitlab.example.com", group: "platform" },
    fleets: [{ name: "k8s", tags: ["k8s"], ...values }],
  }).fleets[0];
}

/** Arguments for a RunnerFleet; its GitLab provider is created by the caller inside the mocked program. */
export function fleetArgs(fleet: FleetSpec, extra: Partial<RunnerFleetArgs> = {}): RunnerFleetArgs {
  return {
    fleet,
    gitlab: { url: "https://gitlab.example.com", defaultGroup: "platform" },
    managerNamespace: "gitlab-runner",
    hostAliases: [],
    runnerImage: { repository: "registry.gitlab.com/gitlab-org/gitlab-runner", version: "v19.3.0" },
    registry: { server: "harbor.example.com", username: "robot" },
    ...extra,
    credentials: { registryPassword: pulumi.secret("harbor-pass-123"), ...extra.credentials },
  };
}
