export { RunnerMonitoring } from "./runner-monitoring";
export type { RunnerMonitoringArgs } from "./runner-monitoring";
