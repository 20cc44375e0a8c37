import * as assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AnalysisInputError, analyzeStackExport } from "../../policy/analyze";
import { engineConfigFor, environmentOf } from "../../policy/pack-config";
import { RULES } from "../../policy/rules";
import { main } from "../../tools/policy/cli";
import { POLICY_VIOLATION_EXIT_CODE, policyGate } from "../../tools/policy/gate";
import { passingStack, resourceWith, userRunner } from "./fixtures";
import { ResourceView } from "../../policy/view";

const SIG = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" };

/** A `pulumi stack export` document of views, secrets written as the engine writes them. */
function exportOf(resources: ResourceView[]) {
  const encode = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(encode);
    if (typeof value !== "object" || value === null) return value;
    const record = value as Record<string, unknown>;
    if (record.secret === true) return { ...SIG, ciphertext: "v1:abc" };
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, encode(v)]));
  };
  return {
    version: 3,
    deployment: {
      manifest: {},
      resources: resources.map((r) => ({
        urn: r.urn,
        type: r.type,
        custom: true,
        ...(r.type === "pulumi:pulumi:Stack"
          ? { inputs: {}, outputs: encode(r.props) }
          : { inputs: encode(r.props), outputs: encode(r.props) }),
        ...(r.parent ? { parent: r.parent } : {}),
        ...(r.dependencies ? { dependencies: r.dependencies } : {}),
      })),
    },
  };
}

function unprotectedStack() {
  return passingStack().map((r) =>
    r.name === "build-runner" ? resourceWith(userRunner(), "accessLevel", "not_protected") : r,
  );
}

describe("policy: analyzing a stack export", () => {
  it("a passing stack export has no violation; the stack and environment come from the URNs", () => {
    const analysis = analyzeStackExport(exportOf(passingStack("prod")));
    assert.equal(analysis.stack, "prod");
    assert.equal(analysis.environment, "prod");
    assert.equal(analysis.violations.length, 0);
    assert.equal(analysis.rulesRun, RULES.length);
    const dev = analyzeStackExport(exportOf(passingStack("dev")));
    assert.equal(dev.environment, "dev");
    assert.deepEqual(
      dev.violations.map((v) => v.message),
      [],
    );
  });

  it("secrets in the export are recognised as secrets (ciphertext and plaintext forms)", () => {
    const doc = exportOf(passingStack());
    const plaintext = JSON.parse(
      JSON.stringify(doc).replace('"ciphertext":"v1:abc"', '"plaintext":"\\"{}\\""'),
    );
    assert.equal(analyzeStackExport(plaintext).violations.length, 0);
  });

  it("a mandatory violation is counted and listed first", () => {
    const analysis = analyzeStackExport(exportOf(unprotectedStack()), {
      config: { "manager-pods-resources": "advisory" },
    });
    assert.equal(analysis.mandatory, 1);
    assert.equal(analysis.violations[0].policy, "runners-protect-credentialed-fleets");
  });

  it("the config sets levels per policy or for all, and accepts exceptions with their reason", () => {
    const doc = exportOf(unprotectedStack());
    assert.equal(
      analyzeStackExport(doc, { config: { "runners-protect-credentialed-fleets": "advisory" } }).mandatory,
      0,
    );
    assert.equal(analyzeStackExport(doc, { config: { all: "disabled" } }).rulesRun, 0);
    const excepted = analyzeStackExport(doc, {
      config: {
        "runners-protect-credentialed-fleets": {
          exceptions: [{ resource: "build-runner", reason: "sandbox group" }],
        },
      },
    });
    assert.equal(excepted.mandatory, 0);
    assert.equal(excepted.violations[0].exception, "sandbox group");
  });

  it("an invalid config is an input error naming the key", () => {
    assert.throws(
      () => analyzeStackExport(exportOf(passingStack()), { config: { "no-such-policy": "mandatory" } }),
      (e: Error) => e instanceof AnalysisInputError && /no-such-policy/.test(e.message),
    );
    assert.throws(
      () => analyzeStackExport(exportOf(passingStack()), { config: { all: "strict" as never } }),
      /not one of/,
    );
  });

  it("a document that is not a stack export is an input error", () => {
    assert.throws(() => analyzeStackExport({ resources: [] }), AnalysisInputError);
    assert.throws(() => analyzeStackExport({ deployment: { resources: [{ type: "x" }] } }), /urn and a type/);
  });

  it("stack names map to environments: dev-like and review stacks to dev, everything else to prod", () => {
    assert.equal(environmentOf("dev"), "dev");
    assert.equal(environmentOf("pr-platform-infra-12"), "dev");
    assert.equal(environmentOf("review-42"), "dev");
    assert.equal(environmentOf("prod"), "prod");
    assert.equal(environmentOf("staging"), "prod");
    assert.equal(environmentOf("staging", "dev"), "dev");
  });

  it("prod is never laxer than dev in any rule's default enforcement", () => {
    const rank = { disabled: 0, advisory: 1, mandatory: 2 };
    for (const rule of RULES) assert.ok(rank[rule.enforcement.prod] >= rank[rule.enforcement.dev], rule.name);
    assert.ok(
      RULES.some((rule) => rule.enforcement.prod !== rule.enforcement.dev),
      "some rule is stricter in prod",
    );
  });

  it("the committed engine configs (policy/config/<env>.json) match the rules' levels", () => {
    for (const environment of ["dev", "prod"] as const) {
      const committed = JSON.parse(
        readFileSync(join(__dirname, `../../policy/config/${environment}.json`), "utf8"),
      );
      assert.deepEqual(
        committed,
        engineConfigFor(environment, RULES),
        `regenerate: npm run --silent policy:analyze -- --engine-config ${environment} > policy/config/${environment}.json`,
      );
    }
  });

  it("every rule has a unique name the engine accepts", () => {
    const names = RULES.map((rule) => rule.name);
    assert.equal(new Set(names).size, names.length);
    for (const name of names) assert.match(name, /^[a-z0-9-]+$/);
    assert.ok(!names.includes("all"));
  });
});

describe("policy: the synth --policy gate", () => {
  it("exits 3 on a mandatory violation and 0 otherwise, with text and markdown reports", () => {
    const failing = policyGate(exportOf(unprotectedStack()));
    assert.equal(failing.exitCode, POLICY_VIOLATION_EXIT_CODE);
    assert.equal(POLICY_VIOLATION_EXIT_CODE, 3);
    assert.match(failing.text, /runners-protect-credentialed-fleets/);
    assert.match(failing.markdown, /\| mandatory \| runners-protect-credentialed-fleets \|/);
    assert.equal(policyGate(exportOf(passingStack())).exitCode, 0);
  });

  it("names the paths of the threat model each violation's policy closes, in text, markdown and JSON", () => {
    const failing = policyGate(exportOf(unprotectedStack()));
    assert.match(
      failing.text,
      /^runners-protect-credentialed-fleets \(critical\)\n {2}closes DEV-19: receives a credential meant for protected work; DEV-5: acts on the Kubernetes API with its pod's token\n {2}- build-runner/m,
    );
    assert.match(failing.markdown, /\| runners-protect-credentialed-fleets \| DEV-19: receives a credential/);
    assert.deepEqual(
      failing.analysis.violations[0].threats.map((t) => t.id),
      ["DEV-19", "DEV-5"],
    );
  });
});

describe("policy: npm run policy:analyze", () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), "policy-cli-"))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  function capture(args: string[]): { code: number; out: string; err: string } {
    const out: string[] = [];
    const err: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    const error = console.error;
    process.stdout.write = ((chunk: string) => out.push(chunk) > 0) as typeof process.stdout.write;
    console.error = (...items: unknown[]) => err.push(items.join(" "));
    try {
      return { code: main(args), out: out.join(""), err: err.join("\n") };
    } finally {
      process.stdout.write = write;
      console.error = error;
    }
  }

  it("exits 0 on a passing export and 1 on a mandatory violation, mandatory listed first", () => {
    const good = join(dir, "good.json");
    const bad = join(dir, "bad.json");
    writeFileSync(good, JSON.stringify(exportOf(passingStack())));
    writeFileSync(bad, JSON.stringify(exportOf(unprotectedStack())));
    assert.equal(capture([good]).code, 0);
    const result = capture([bad, "--markdown", join(dir, "summary.md")]);
    assert.equal(result.code, 1);
    assert.match(
      result.out,
      /^MANDATORY \(1\)\nruns-protect|^MANDATORY \(1\)\nrunners-protect-credentialed-fleets/,
    );
    assert.match(readFileSync(join(dir, "summary.md"), "utf8"), /\*\*1 mandatory\*\*/);
  });

  it("reads a policy config with --config", () => {
    const bad = join(dir, "bad.json");
    const config = join(dir, "config.json");
    writeFileSync(bad, JSON.stringify(exportOf(unprotectedStack())));
    writeFileSync(config, JSON.stringify({ "runners-protect-credentialed-fleets": "advisory" }));
    assert.equal(capture([bad, "--config", config]).code, 0);
  });

  it("exits 2 on bad usage or input", () => {
    assert.equal(capture([]).code, 2);
    assert.equal(capture(["--nope", "x"]).code, 2);
    assert.equal(capture([join(dir, "missing.json")]).code, 2);
    writeFileSync(join(dir, "text.json"), "not json");
    assert.match(capture([join(dir, "text.json")]).err, /not JSON/);
  });
});
