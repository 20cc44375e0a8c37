import { PolicyPack } from "@pulumi/policy";
import { toPolicies } from "./wiring";

// Constructing the pack starts the engine's gRPC server, so nothing else lives in this file.
new PolicyPack("gitlab-ci-platform", {
  description: "GitLab CI/CD platform: RBAC, secrets, runners, job pods, manager pods and reliability.",
  policies: toPolicies(),
});
