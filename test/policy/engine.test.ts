import * as assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import Module from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { unknownCheckingProxy } from "@pulumi/policy";
import type { Policy, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { RULES } from "../../policy/rules";
import { toPolicies } from "../../policy/wiring";
import { buildPolicyPack } from "../../tools/policy/build";
import { passingStack, resourceWith, userRunner, withJobSetting } from "./fixtures";
import { ResourceView } from "../../policy/view";

// The engine's sentinel for an unknown string (pulumi-policy proxy.ts).
const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

class NotApplicable extends Error {}

function engineArgs(resource: ResourceView, config: object = {}) {
  return {
    type: resource.type,
    urn: resource.urn,
    name: resource.name,
    props: unknownCheckingProxy(JSON.parse(JSON.stringify(resource.props))),
    opts: {},
    stackTags: new Map<string, string>(),
    isType: () => false,
    asType: () => undefined,
    getConfig: () => config,
    notApplicable: (reason?: string): never => {
      throw new NotApplicable(reason);
    },
  };
}

function policyNamed(name: string): Policy {
  const policy = toPolicies().find((p) => p.name === name);
  assert.ok(policy, name);
  return policy;
}

async function runResourcePolicy(
  name: string,
  resource: ResourceView,
  config: object = {},
): Promise<string[]> {
  const reports: string[] = [];
  const policy = policyNamed(name) as ResourceValidationPolicy;
  const validate = policy.validateResource as (args: unknown, report: (m: string) => void) => unknown;
  await validate(engineArgs(resource, config), (message) => reports.push(message));
  return reports;
}

async function runStackPolicy(name: string, resources: ResourceView[]): Promise<string[]> {
  const reports: string[] = [];
  const policy = policyNamed(name) as StackValidationPolicy;
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const engineResources = resources.map((r) => ({
    ...engineArgs(r),
    parent: r.parent ? { urn: byUrn.get(r.parent)?.urn ?? r.parent } : undefined,
    ...(r.dependencies ? { dependencies: r.dependencies.map((urn) => ({ urn })) } : {}),
  }));
  await policy.validateStack(
    {
      resources: engineResources,
      stackTags: new Map(),
      getConfig: () => ({}),
      notApplicable: () => {
        throw new NotApplicable();
      },
    } as never,
    (message: string) => reports.push(message),
  );
  return reports;
}

describe("policy: the CrossGuard wiring", () => {
  it("registers one policy per rule, each with its description and configSchema", () => {
    const policies = toPolicies();
    assert.deepEqual(
      policies.map((p) => p.name),
      RULES.map((r) => r.name),
    );
    for (const policy of policies) {
      assert.ok(policy.description);
      assert.ok(policy.configSchema?.properties.exceptions);
      assert.ok(
        !("enforcementLevel" in (policy.configSchema?.properties ?? {})),
        "the engine rejects enforcementLevel in configSchema",
      );
    }
  });

  it("the unknown sentinels it recognises are the engine's", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the sentinels are internal to @pulumi/policy
    const proxy = require("@pulumi/policy/proxy") as Record<string, string>;
    const source = readFileSync(join(__dirname, "../../policy/normalize.ts"), "utf8");
    for (const key of Object.keys(proxy).filter((k) => /^unknown.*Value$/.test(k)))
      assert.ok(source.includes(proxy[key]), key);
  });

  it("a resource policy reports a violation with the field, and passes a passing resource", async () => {
    assert.deepEqual(
      await runResourcePolicy("job-pods-no-privileged", withJobSetting("privileged", false)),
      [],
    );
    const reports = await runResourcePolicy("job-pods-no-privileged", withJobSetting("privileged", true));
    assert.equal(reports.length, 1);
    assert.match(reports[0], /^data\.config\.toml: .*privileged is true/);
    assert.match(reports[0], / \(closes DEV-13 takes over the node with privileges\)$/);
  });

  it("a value unknown at preview is reported as could not check instead of failing the policy", async () => {
    const configMap = withJobSetting("privileged", true);
    const unknown = resourceWith(configMap, "data", { "config.toml": UNKNOWN_STRING });
    const reports = await runResourcePolicy("job-pods-no-privileged", unknown);
    assert.equal(reports.length, 1);
    assert.match(reports[0], /^could not check: /);
  });

  it("the environment comes from the stack name, and the policy config can override it", async () => {
    const dev = withJobSetting("helper_memory_limit", undefined, "dev");
    assert.deepEqual(await runResourcePolicy("job-pods-resource-limits", dev), []);
    assert.equal(
      (await runResourcePolicy("job-pods-resource-limits", dev, { environment: "prod" })).length,
      1,
    );
  });

  it("export-only rules tell the engine why they do not apply", async () => {
    await assert.rejects(
      runResourcePolicy(
        "secrets-encrypted-in-state",
        passingStack().find((r) => r.type.endsWith(":Secret"))!,
      ),
      (e: Error) => e instanceof NotApplicable && /policy:analyze/.test(e.message),
    );
  });

  it("a stack policy sees each resource's dependencies, so a manager's start and teardown order is judged", async () => {
    const withDependencies = (resources: ResourceView[]) =>
      resources.map((r) => ({ ...r, dependencies: r.dependencies ?? [] }));
    assert.deepEqual(
      await runStackPolicy("lifecycle-manager-depends-on-its-access", withDependencies(passingStack())),
      [],
    );
    const alone = passingStack().map((r) => (r.name === "build-manager" ? { ...r, dependencies: [] } : r));
    const reports = await runStackPolicy("lifecycle-manager-depends-on-its-access", withDependencies(alone));
    assert.equal(reports.length, 1);
    assert.match(
      reports[0],
      /^dependsOn: .*does not depend on build-rolebinding .*build-config .*build-runner/,
    );
  });

  it("a stack policy sees fleets through parents and reports against the resource's URN", async () => {
    const stack = passingStack().map((r) =>
      r.name === "build-runner" ? resourceWith(userRunner(), "accessLevel", "not_protected") : r,
    );
    const reports = await runStackPolicy("runners-protect-credentialed-fleets", stack);
    assert.equal(reports.length, 1);
    assert.match(reports[0], /accessLevel/);
    assert.deepEqual(await runStackPolicy("runners-protect-credentialed-fleets", passingStack()), []);
  });
});

describe("policy: the publishable bundle", () => {
  let dir: string;
  before(async function () {
    this.timeout(30000);
    dir = mkdtempSync(join(tmpdir(), "policy-pack-"));
    await buildPolicyPack(dir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("is self-contained: only the Pulumi SDKs stay external, nothing is read from outside the folder", () => {
    const bundle = readFileSync(join(dir, "index.js"), "utf8");
    const requires = [...bundle.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    const external = requires.filter(
      (name) => !name.startsWith("node:") && !Module.builtinModules.includes(name),
    );
    assert.deepEqual([...new Set(external)].sort(), ["@pulumi/policy"]);
  });

  it("declares what it needs: PulumiPolicy.yaml with the entry point, package.json with the SDKs", () => {
    const project = parse(readFileSync(join(dir, "PulumiPolicy.yaml"), "utf8"));
    assert.equal(project.runtime, "nodejs");
    assert.equal(project.main, "index.js");
    assert.ok(existsSync(join(dir, project.main)));
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const source = JSON.parse(readFileSync(join(__dirname, "../../policy/package.json"), "utf8"));
    assert.equal(project.version, source.version);
    assert.deepEqual(Object.keys(manifest.dependencies).sort(), ["@pulumi/policy", "@pulumi/pulumi"]);
    assert.equal(manifest.dependencies["@pulumi/policy"], source.dependencies["@pulumi/policy"]);
  });

  it("registers the pack with every policy when loaded (PolicyPack stubbed so no server starts)", () => {
    const registered: Array<{ name: string; policies: Array<{ name: string }> }> = [];
    class RecordingPolicyPack {
      constructor(name: string, args: { policies: Array<{ name: string }> }) {
        registered.push({ name, policies: args.policies });
      }
    }
    const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
    const original = loader._load;
    loader._load = (request: string, ...rest: unknown[]) =>
      request === "@pulumi/policy" ? { PolicyPack: RecordingPolicyPack } : original(request, ...rest);
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading the built bundle is the point
      require(join(dir, "index.js"));
    } finally {
      loader._load = original;
    }
    assert.equal(registered.length, 1);
    assert.equal(registered[0].name, "gitlab-ci-platform");
    assert.deepEqual(
      registered[0].policies.map((p) => p.name),
      RULES.map((r) => r.name),
    );
  });
});
