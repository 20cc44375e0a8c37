import TOML from "@iarna/toml";
import type { KubernetesSettings, RunnerConfig, RunnerEntry } from "../../../../model/config-toml";
import { renderConfigToml } from "../../../../model/config-toml";

export const MINIMAL_RUNNER: RunnerEntry = {
  url: "https://gitlab.example.com",
  token: "${RUNNER_TOKEN}",
  executor: "kubernetes",
};

export function configWith(runner: Partial<RunnerEntry>): RunnerConfig {
  return { runners: [{ ...MINIMAL_RUNNER, ...runner }] };
}

export function configWithKubernetes(kubernetes: KubernetesSettings): RunnerConfig {
  return configWith({ kubernetes });
}

/** Renders, then reads the TOML back as plain data to look at the exact keys the runner will see. */
export function renderedTable(config: RunnerConfig): Record<string, unknown> {
  return JSON.parse(JSON.stringify(TOML.parse(renderConfigToml(config)))) as Record<string, unknown>;
}

export function renderedRunner(config: RunnerConfig): Record<string, unknown> {
  return (renderedTable(config).runners as Record<string, unknown>[])[0];
}
