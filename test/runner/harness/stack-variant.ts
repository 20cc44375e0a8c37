import * as fs from "node:fs";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { ROOT, runSynth, type SynthRun } from "../../helpers/synth";

const PROJECT = "gitlab-ci-platform";

/**
 * Synthesizes Pulumi.dev.yaml with its fleets replaced, as the program renders a stack: the stack file is written
 * beside the others under a `-test` name (ignored by git) and removed again, whatever happens.
 */
export function synthDevWithFleets(
  name: string,
  fleets: Record<string, unknown>[],
  extra: Record<string, unknown> = {},
): SynthRun {
  return withDevStackFile(name, fleets, extra, (stack) => runSynth(stack));
}

/** Runs `use` with a stack file derived from Pulumi.dev.yaml (its fleets replaced) present under `<name>-test`. */
export function withDevStackFile<T>(
  name: string,
  fleets: Record<string, unknown>[],
  extra: Record<string, unknown>,
  use: (stack: string) => T,
): T {
  const stack = `${name}-test`;
  const dev = parse(fs.readFileSync(path.join(ROOT, "Pulumi.dev.yaml"), "utf8")) as {
    config: Record<string, unknown>;
  };
  dev.config[`${PROJECT}:fleets`] = fleets;
  for (const [key, value] of Object.entries(extra)) dev.config[`${PROJECT}:${key}`] = value;
  const file = path.join(ROOT, `Pulumi.${stack}.yaml`);
  fs.writeFileSync(file, stringify(dev));
  try {
    return use(stack);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** The rendered config.toml files of a synth run, by fleet name. */
export function runnerConfigs(run: SynthRun): Map<string, string> {
  return new Map(
    [...run.files]
      .filter(([file]) => file.startsWith("runner/") && file.endsWith(".config.toml"))
      .map(([file, text]) => [file.slice("runner/".length, -".config.toml".length), text]),
  );
}
