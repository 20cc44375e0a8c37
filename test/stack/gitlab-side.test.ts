import { strict as assert } from "node:assert";
import { loadStackFile } from "../helpers/stack-file";
import { synthOnce } from "../helpers/synth";

/** The rows of one summary.md table, by its heading, as cells. */
function tableRows(summary: string, heading: string): string[][] {
  const section = summary.split(`## ${heading}\n`)[1]?.split("\n## ")[0] ?? "";
  return section
    .split("\n")
    .filter((l) => l.startsWith("| ") && !l.startsWith("|---"))
    .slice(1)
    .map((l) =>
      l
        .slice(2, -2)
        .split(" | ")
        .map((c) => c.trim()),
    );
}

describe("the GitLab side of every stack", function () {
  this.timeout(60000);

  it("dev deploys shop to its dev and review environments, each with its own scoped kubeconfig, and inventory through the agent", () => {
    const summary = synthOnce("dev").files.get("summary.md")!;
    const targets = tableRows(summary, "Deploy targets");
    assert.deepEqual(
      targets.map(([app, env, ns, , access]) => [app, env, ns, access]),
      [
        ["shop", "dev", "shop-dev", "platform/shop KUBECONFIG (file, scope dev)"],
        ["shop", "review", "shop-review", "platform/shop KUBECONFIG (file, scope review/*)"],
        ["inventory", "dev", "inventory-dev", "GitLab agent: jobs of platform/inventory in dev"],
        ["inventory", "staging", "inventory-staging", "GitLab agent: jobs of platform/inventory in staging"],
      ],
    );
    const kubeconfigs = tableRows(summary, "CI/CD variables").filter((r) => r[1] === "KUBECONFIG");
    assert.deepEqual(
      kubeconfigs.map((r) => [r[0], r[2], r[5], r[6]]),
      [
        ["project platform/shop", "file", "true", "dev"],
        ["project platform/shop", "file", "true", "review/*"],
      ],
    );
  });

  it("dev's summary has an Agent table, and synth writes the agent's configuration file as the stack commits it", () => {
    const run = synthOnce("dev");
    const rows = tableRows(run.files.get("summary.md")!, "Agent");
    assert.deepEqual(
      rows.map(([agent, configProject, project, environment, namespace]) => [
        agent,
        configProject,
        project,
        environment,
        namespace,
      ]),
      [
        ["dev-cluster", "platform/k8s-agents", "platform/inventory", "dev", "inventory-dev"],
        ["dev-cluster", "platform/k8s-agents", "platform/inventory", "staging", "inventory-staging"],
      ],
    );
    assert.match(rows[0][5], /^`gitlab:project_env:\d+:dev`$/);
    const file = run.files.get("gitlab/dev-cluster.config.yaml");
    const exported = JSON.parse(run.files.get("stack.json")!) as {
      deployment: { resources: { type: string; inputs?: { filePath?: string; content?: string } }[] };
    };
    const committed = exported.deployment.resources.find(
      (r) => r.inputs?.filePath === ".gitlab/agents/dev-cluster/config.yaml",
    );
    assert.equal(file, committed?.inputs?.content);
    assert.match(file ?? "", /- id: platform\/inventory\n/);
  });

  it("prod has no agent: no Agent row and no configuration file", () => {
    const run = synthOnce("prod");
    assert.deepEqual(tableRows(run.files.get("summary.md")!, "Agent"), []);
    assert.ok(![...run.files.keys()].some((f) => f.startsWith("gitlab/")));
  });

  it("prod deploys its application to the protected production environment only", () => {
    const summary = synthOnce("prod").files.get("summary.md")!;
    const targets = tableRows(summary, "Deploy targets");
    assert.deepEqual(
      targets.map(([app, env, ns]) => [app, env, ns]),
      [["shop", "production", "shop-prod"]],
    );
    assert.match(targets[0][4], /KUBECONFIG \(file, scope production\)/);
  });

  for (const stack of ["dev", "prod"]) {
    it(`${stack}: every variable is masked and protected unless it is a kubeconfig, and no value is printed`, () => {
      const run = synthOnce(stack);
      const rows = tableRows(run.files.get("summary.md")!, "CI/CD variables");
      assert.ok(rows.some((r) => r[1] === "REGISTRY_PASSWORD"));
      for (const [owner, key, , masked, , isProtected] of rows) {
        assert.equal(isProtected, "true", `${owner} ${key}`);
        if (key !== "KUBECONFIG") assert.equal(masked, "true", `${owner} ${key}`);
      }
      const exported = JSON.parse(run.files.get("stack.json")!) as {
        deployment: { resources: { type: string; inputs?: { key?: string; value?: unknown } }[] };
      };
      const username = loadStackFile(stack).registry?.username;
      for (const r of exported.deployment.resources.filter((x) => /Variable:/.test(x.type))) {
        // The registry user is the stack file's own plain text; every credential is a secret in the export.
        if (r.inputs?.key === "REGISTRY_USER") assert.equal(r.inputs.value, username);
        else
          assert.equal(
            typeof r.inputs?.value,
            "object",
            `${r.inputs?.key}'s value is a secret in the export`,
          );
      }
    });
  }
});
