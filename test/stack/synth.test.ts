import { strict as assert } from "node:assert";
import { parse } from "yaml";
import { loadStackFile } from "../helpers/stack-file";
import { runSynth, stackNames, synthOnce } from "../helpers/synth";

describe("offline synth of every stack file", function () {
  this.timeout(60000);

  it("finds the dev and prod stacks", () => {
    assert.deepEqual(
      stackNames().filter((s) => s === "dev" || s === "prod"),
      ["dev", "prod"],
    );
  });

  for (const stack of stackNames()) {
    describe(`stack ${stack}`, () => {
      it("exits 0 and writes stack.json, summary.md and one YAML file per Kubernetes object", () => {
        const run = synthOnce(stack);
        assert.equal(run.status, 0, run.stderr);
        assert.ok(run.files.has("stack.json"));
        assert.ok(run.files.has("summary.md"));
        const yamlFiles = [...run.files.keys()].filter((f) => f.startsWith("k8s/"));
        assert.ok(yamlFiles.length > 0);
        for (const file of yamlFiles) {
          const docs = run.files
            .get(file)!
            .split(/^---$/m)
            .filter((d) => d.trim());
          assert.equal(docs.length, 1, `${file} holds ${docs.length} objects`);
        }
      });

      it("exports the shape of `pulumi stack export`", () => {
        const exported = JSON.parse(synthOnce(stack).files.get("stack.json")!);
        assert.equal(exported.version, 3);
        const resources = exported.deployment.resources as { urn: string; type: string; custom: boolean }[];
        assert.equal(resources[0].type, "pulumi:pulumi:Stack");
        for (const r of resources) {
          assert.match(r.urn, new RegExp(`^urn:pulumi:${stack}::gitlab-ci-platform::`));
          assert.equal(typeof r.custom, "boolean");
        }
      });

      it("prints no secret: placeholders, tokens and Secret data are redacted everywhere", () => {
        for (const [file, content] of synthOnce(stack).files) {
          assert.ok(!content.includes("[secret gitlab-ci-platform:"), `${file} shows a secret placeholder`);
          assert.ok(!content.includes("glrt-"), `${file} shows a runner token`);
        }
      });

      it("shows each Secret's keys with redacted values", () => {
        const secrets = [...synthOnce(stack).files].filter(([f]) =>
          /\/secret-[^/]*-runner-token\.yaml$/.test(f),
        );
        assert.ok(secrets.length > 0);
        for (const [, content] of secrets) {
          assert.deepEqual(parse(content).stringData, { "runner-token": "[redacted]" });
        }
      });

      it("a redacted .dockerconfigjson is still a JSON auths document, with every string redacted", () => {
        const registry = [...synthOnce(stack).files].filter(
          ([f, content]) => f.includes("/secret-") && content.includes("kubernetes.io/dockerconfigjson"),
        );
        assert.ok(registry.length > 0);
        for (const [file, content] of registry) {
          const doc = JSON.parse(parse(content).stringData[".dockerconfigjson"]) as {
            auths: Record<string, Record<string, string>>;
          };
          const entries = Object.values(doc.auths);
          assert.ok(entries.length > 0, `${file} has no registry`);
          for (const entry of entries) {
            assert.deepEqual(new Set(Object.values(entry)), new Set(["[redacted]"]), file);
          }
        }
      });

      it("summarizes resources by type and the namespaces", () => {
        const summary = synthOnce(stack).files.get("summary.md")!;
        assert.match(summary, /## Resources by type/);
        assert.match(summary, /\| `kubernetes:core\/v1:Namespace` \| \d+ \|/);
        assert.match(summary, /## Namespaces/);
      });

      it("has at least two fleets, each with its runner, Secrets, config, RBAC, manager, PDB and metrics Service", () => {
        const exported = JSON.parse(synthOnce(stack).files.get("stack.json")!);
        const resources = exported.deployment.resources as { type: string; parent?: string; urn: string }[];
        const fleets = resources.filter((r) => r.type === "gitlab-ci-platform:runner:RunnerFleet");
        assert.ok(fleets.length >= 2);
        for (const fleet of fleets) {
          const types = resources.filter((r) => r.parent === fleet.urn).map((r) => r.type);
          for (const type of [
            "gitlab:index/userRunner:UserRunner",
            "kubernetes:core/v1:Secret",
            "kubernetes:core/v1:ConfigMap",
            "kubernetes:rbac.authorization.k8s.io/v1:Role",
            "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
            "kubernetes:apps/v1:StatefulSet",
            "kubernetes:policy/v1:PodDisruptionBudget",
            "kubernetes:core/v1:Service",
          ]) {
            assert.ok(types.includes(type), `${fleet.urn} has no ${type}`);
          }
        }
      });

      it("exports only outputs that apply: an output that does not is absent, never a sentence in its place", () => {
        const exported = JSON.parse(synthOnce(stack).files.get("stack.json")!);
        const outputs = exported.deployment.resources[0].outputs as Record<string, unknown>;
        const onAck = loadStackFile(stack).cluster.type === "ackServerless";
        assert.equal("ackServerless" in outputs, onAck, "ackServerless only for an ACK Serverless cluster");
        for (const runner of outputs.runners as Record<string, unknown>[]) {
          assert.deepEqual(
            Object.keys(runner).sort(),
            ["fleet", "runnerId"],
            "no token expiry GitLab never reports",
          );
        }
        const texts = JSON.stringify(outputs).match(/"[^"]*"/g) ?? [];
        assert.deepEqual(
          texts.filter((text) => /^"(not |no |the existing )|is false"$/.test(text)),
          [],
          "no output stands in a sentence for a value",
        );
      });

      it("labels every namespace with the Pod Security level it enforces", () => {
        const run = synthOnce(stack);
        const namespaces = [...run.files.entries()]
          .filter(([f]) => f.startsWith("k8s/_cluster/namespace-"))
          .map(([, c]) => parse(c));
        assert.ok(namespaces.length >= 2);
        for (const ns of namespaces) {
          assert.match(
            ns.metadata.labels["pod-security.kubernetes.io/enforce"],
            /^(restricted|baseline|privileged)$/,
          );
        }
      });
    });
  }

  it("renders byte-identical files for the same configuration", () => {
    const first = synthOnce("dev");
    const second = runSynth("dev");
    assert.equal(second.status, 0, second.stderr);
    assert.deepEqual([...second.files.keys()], [...first.files.keys()]);
    for (const [file, content] of first.files)
      assert.equal(second.files.get(file), content, `${file} differs`);
  });
});
