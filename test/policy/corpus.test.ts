import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { CONTROLS, VARIANTS } from "./corpus";
import type { CorpusResult } from "./corpus/run";

const ROOT = resolve(__dirname, "../..");

/**
 * Synthesizes the corpus in one child process (the program's runtime is global state), started when mocha loads
 * this file so it runs beside the other tests instead of after them.
 */
function synthesizeCorpus(): Promise<Map<string, CorpusResult>> {
  const dir = mkdtempSync(join(tmpdir(), "policy-corpus-out-"));
  const out = join(dir, "results.json");
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ["-r", "./tools/typescript/register.js", "test/policy/corpus/run.ts", out],
      { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", fail);
    child.on("close", (code) => {
      try {
        if (code !== 0) throw new Error(`the corpus run exited ${code}:\n${stderr}`);
        const results = JSON.parse(readFileSync(out, "utf8")) as CorpusResult[];
        done(new Map(results.map((result) => [result.name, result])));
      } catch (error) {
        fail(error);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

const corpus = synthesizeCorpus();
// Awaited by the tests below; a failure before them must not surface as an unhandled rejection.
corpus.catch(() => undefined);

describe("policy: the false-alarm corpus (sound variants of the shipped stacks)", function () {
  this.timeout(180000);
  let results: Map<string, CorpusResult>;
  before(async () => {
    results = await corpus;
  });

  it("has at least 30 variants, of both shipped stacks and both profiles, each named once", () => {
    assert.ok(VARIANTS.length >= 30, `${VARIANTS.length} variants`);
    const names = [...VARIANTS, ...CONTROLS].map((v) => v.name);
    assert.equal(new Set(names).size, names.length);
    assert.deepEqual(new Set(VARIANTS.map((v) => v.from)), new Set(["dev", "prod"]));
    assert.deepEqual(
      new Set(VARIANTS.map((v) => results.get(v.name)?.environment)),
      new Set(["dev", "prod"]),
    );
  });

  for (const variant of VARIANTS) {
    it(`${variant.name} (${variant.what}) synthesizes, shows its change, and has no mandatory violation`, () => {
      const result = results.get(variant.name);
      assert.ok(result, "not synthesized");
      assert.equal(result.error, undefined);
      assert.equal(result.shows, true, "the export does not show the variant's change");
      assert.deepEqual(result.mandatory, []);
    });
  }

  for (const control of CONTROLS) {
    it(`control ${control.name} (${control.what}) is caught by ${control.flaggedBy?.join(", ")}`, () => {
      const result = results.get(control.name);
      assert.ok(result && result.error === undefined, result?.error ?? "not synthesized");
      assert.equal(result.shows, true);
      const policies = new Set((result.mandatory ?? []).map((line) => line.split(":")[0]));
      assert.deepEqual([...policies].sort(), [...(control.flaggedBy ?? [])].sort());
    });
  }
});
