import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PROJECT } from "../../config";
import { PROJECT_ROOT } from "../cluster/harness/assets";
import { engine } from "./harness/engine";
import { TestStack } from "./harness/stack";
import { devShaped, testSecrets } from "./harness/test-stacks";

type Fleet = Record<string, unknown>;

/** Two problems at once: a value out of range and a misspelt key (the program reports every problem, not the first). */
function invalidConfig() {
  const config = devShaped();
  const [first, ...rest] = config[`${PROJECT}:fleets`] as Fleet[];
  const { concurrent, ...withoutConcurrent } = first;
  config[`${PROJECT}:fleets`] = [{ ...withoutConcurrent, concurency: concurrent, replicas: 0 }, ...rest];
  return config;
}

/** The key-path lines `npm run synth` prints for an invalid stack (exit 2). */
function synthProblems(stack: string): string[] {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "gitlab-ci-platform-synth-"));
  const run = spawnSync(
    process.execPath,
    ["-r", "./tools/typescript/register.js", "tools/synth/cli.ts", "--stack", stack, "--out", out],
    { cwd: PROJECT_ROOT, encoding: "utf8" },
  );
  fs.rmSync(out, { recursive: true, force: true });
  assert.equal(run.status, 2, `synth should refuse the stack:\n${run.stdout}${run.stderr}`);
  return `${run.stdout}${run.stderr}`
    .split("\n")
    .filter((line) => line.startsWith(`  ${PROJECT}:`))
    .map((line) => line.trim());
}

describe("an invalid stack file through the real engine", () => {
  it("pulumi preview fails before any resource, with the same key-path messages as synth", async () => {
    const { workspace, cluster } = engine();
    const stack = new TestStack(workspace, "dev-invalid-engine-test");
    const config = invalidConfig();
    await stack.init(config, testSecrets(config, cluster.controlPlane.kubeconfig));
    const expected = synthProblems(stack.name);
    assert.ok(expected.length >= 2, `synth reported ${expected.length} problem(s)`);

    const preview = await stack.run(["preview", "--json"]);
    assert.notEqual(preview.code, 0);
    const output = `${preview.stdout}${preview.stderr}`.replace(/\\n/g, "\n").replace(/\\"/g, '"');
    for (const line of expected)
      assert.ok(output.includes(line), `pulumi preview does not say: ${line}\n${output}`);
    const steps = (JSON.parse(preview.stdout) as { steps?: { urn: string }[] }).steps ?? [];
    assert.deepEqual(
      steps.filter((s) => !s.urn.includes("::pulumi:pulumi:Stack::")),
      [],
      "resources were planned",
    );
    await stack.ok(["stack", "rm", "--yes", "--force"]);
  });
});
