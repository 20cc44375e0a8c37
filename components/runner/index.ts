export { RunnerFleet } from "./runner-fleet";
export type { RunnerFleetArgs } from "./runner-fleet";
export type { CredentialValues } from "./credentials";
