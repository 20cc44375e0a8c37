import { strict as assert } from "node:assert";
import { stackNames, synthOnce } from "../helpers/synth";
import { type RunnerBinary, runnerOrSkip } from "./harness/binary";
import { describeFailures, lint, lintAll } from "./harness/lint";

function renderedConfigs(stack: string): [string, string][] {
  const run = synthOnce(stack);
  assert.equal(run.status, 0, run.stderr);
  return [...run.files].filter(([file]) => file.startsWith("runner/") && file.endsWith(".config.toml"));
}

describe("gitlab-runner lint: every config.toml of every stack file", function () {
  this.timeout(60000);
  let runner: RunnerBinary;
  before(function () {
    runner = runnerOrSkip(this);
  });

  for (const stack of stackNames()) {
    it(`stack ${stack}: every fleet's config.toml passes the pinned runner's lint`, async () => {
      const configs = renderedConfigs(stack);
      assert.ok(configs.length >= 2, "at least two fleets");
      const results = await lintAll(
        runner,
        configs.map(([file, text]) => [`${stack}/${file}`, text] as const),
      );
      assert.deepEqual(describeFailures(results), []);
    });
  }
});

describe("gitlab-runner lint can fail: planted defects in a stack's config.toml", function () {
  this.timeout(60000);
  let runner: RunnerBinary;
  let base: string;
  before(function () {
    runner = runnerOrSkip(this);
    base = renderedConfigs(stackNames()[0])[0][1];
  });

  const defects: { name: string; plant: (text: string) => string; finding: RegExp }[] = [
    {
      name: "a misspelled key",
      plant: (text) => text.replace(/^(\s*)namespace = /m, "$1namespaces = "),
      finding: /^unknown key: runners\.kubernetes\.namespaces$/,
    },
    {
      name: "a key of a later runner (suspend_pvc_size)",
      plant: (text) =>
        text.replace(/^(\s*)namespace = (.*)$/m, '$1namespace = $2\n$1suspend_pvc_size = "1Gi"'),
      finding: /^unknown key: runners\.kubernetes\.suspend_pvc_size$/,
    },
    {
      name: "a PVC volume without mount_propagation",
      plant: (text) =>
        `${text}\n    [[runners.kubernetes.volumes.pvc]]\n      name = "x"\n      mount_path = "/x"\n`,
      finding: /^at '\/runners\/0\/kubernetes\/Volumes\/PVCs\/0\/MountPropagation': got null, want string$/,
    },
    {
      name: "an empty token",
      plant: (text) => text.replace('token = "${RUNNER_TOKEN}"', 'token = ""'),
      finding: /^at '\/runners\/0\/token': minLength: got 0, want 1$/,
    },
  ];

  for (const { name, plant, finding } of defects) {
    it(`fails on ${name}`, async () => {
      const planted = plant(base);
      assert.notEqual(planted, base, "the defect was planted");
      const result = await lint(runner, planted);
      assert.equal(result.valid, false, result.output);
      assert.ok(
        result.findings.some((f) => finding.test(f)),
        `expected a finding matching ${finding}:\n${result.output}`,
      );
    });
  }
});
