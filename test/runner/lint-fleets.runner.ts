import { strict as assert } from "node:assert";
import TOML from "@iarna/toml";
import fc from "fast-check";
import { fleetSpecSchema } from "../../model/fleet";
import { MANAGED_KUBERNETES_KEYS } from "../../config/rules";
import { CONFIG_SECTION, KUBERNETES_KEYS, RUNNER_SECTION, type Table } from "../../model/config-toml";
import type { SynthRun } from "../helpers/synth";
import { PINNED_RUNNER, type RunnerBinary, runnerOrSkip } from "./harness/binary";
import { describeFailures, lintAll } from "./harness/lint";
import { runnerConfigs, synthDevWithFleets } from "./harness/stack-variant";
import { renderedKeys } from "./generators/coverage";
import { fleetsFor } from "./generators/fleets";
import { keysBeyondOverrides, sectionKeys } from "./generators/model-config";

const SEED = Number(process.env.RUNNER_LINT_SEED ?? 22);

/** The dangerous modes and a fleet's own host path: what the generated (restricted or baseline) fleets cannot hold. */
const DANGEROUS_FLEET = {
  name: "gen-dangerous",
  tags: ["dind"],
  dangerous: { dockerInDocker: true, dockerSocket: true },
  kubernetes: {
    namespace: "ci-dangerous",
    nodeSelector: { "ci/dind": "true" },
    nodeTolerations: { "ci/dind=true": "NoSchedule" },
    buildContainerSecurityContext: { privileged: true },
    helperContainerSecurityContext: { privileged: false },
    serviceContainerSecurityContext: { privileged: true },
    initPermissionsContainerSecurityContext: { privileged: false },
    volumes: {
      hostPath: [
        {
          name: "host-certs",
          mountPath: "/etc/ssl/host",
          hostPath: "/etc/ssl/certs",
          subPath: "ca",
          readOnly: true,
          mountPropagation: "HostToContainer",
        },
      ],
    },
  },
};

function generatedFleets(): Record<string, unknown>[] {
  const complete = fc.sample(fleetsFor(PINNED_RUNNER, true), { seed: SEED, numRuns: 6 });
  const partial = fc.sample(fleetsFor(PINNED_RUNNER), { seed: SEED + 1, numRuns: 12 });
  return [...complete, ...partial].map((fleet, i) => ({ ...fleet, name: `gen-${i}` }));
}

/**
 * The keys a stack's fleets can bring into config.toml: every [runners.kubernetes] key but the connection and
 * identity keys the platform manages and never writes, and the runner and global keys named like a fleet's fields.
 */
function keysAFleetReaches(): string[] {
  const fleetFields = Object.keys(fleetSpecSchema.shape);
  const neverWritten = Object.keys(MANAGED_KUBERNETES_KEYS)
    .filter(
      (field) =>
        !["namespace", "serviceAccount", "automountServiceAccountToken", "privileged"].includes(field),
    )
    .map((field) => `runners.kubernetes.${KUBERNETES_KEYS[field as keyof typeof KUBERNETES_KEYS]}`);
  const beyond = new Set(Object.keys(keysBeyondOverrides(PINNED_RUNNER)));
  const kubernetes = sectionKeys()
    .filter(([path]) => path.startsWith("runners.kubernetes.") && !beyond.has(path))
    .map(([, key]) => key)
    .filter((key) => !neverWritten.some((managed) => key === managed || key.startsWith(`${managed}.`)));
  const named = (section: typeof CONFIG_SECTION, prefix: string) =>
    fleetFields.filter((field) => section.keys[field]).map((field) => `${prefix}${section.keys[field]}`);
  return [...kubernetes, ...named(RUNNER_SECTION, "runners."), ...named(CONFIG_SECTION, "")].filter(
    (key) => key !== "runners.kubernetes",
  );
}

describe("gitlab-runner lint: config.toml of generated valid fleets, rendered by the whole program", function () {
  this.timeout(180000);
  let runner: RunnerBinary;
  let run: SynthRun;
  before(function () {
    runner = runnerOrSkip(this);
    run = synthDevWithFleets("generated-fleets", [...generatedFleets(), DANGEROUS_FLEET], {
      gitSsh: { knownHosts: "gitlab.example.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKey" },
    });
  });

  it("the stack with the generated fleets is valid: synth exits 0", () => {
    assert.equal(run.status, 0, run.stderr);
  });

  it(`every fleet's config.toml passes the pinned runner's lint (seed ${SEED})`, async () => {
    const configs = [...runnerConfigs(run)].filter(([fleet]) => fleet.startsWith("gen-"));
    assert.equal(configs.length, 19);
    const results = await lintAll(runner, configs);
    assert.deepEqual(describeFailures(results), []);
  });

  it("together they hold every key a fleet can bring into config.toml", () => {
    const seen = new Set<string>();
    for (const [, text] of runnerConfigs(run))
      for (const key of renderedKeys(TOML.parse(text) as unknown as Table)) seen.add(key);
    assert.deepEqual(
      keysAFleetReaches().filter((key) => !seen.has(key)),
      [],
    );
  });
});
