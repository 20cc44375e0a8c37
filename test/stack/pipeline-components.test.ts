import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { readTemplateFolder } from "../../components/pipelines";
import { planComponentProject } from "../../model/pipelines";
import { ROOT, runSynth, stackNames, synthOnce } from "../helpers/synth";

const FILE = "gitlab:index/repositoryFile:RepositoryFile";
const KEY = "gitlab-ci-platform:pipelineComponents";

interface ExportedResource {
  type: string;
  urn: string;
  parent?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}
const resourcesOf = (stackJson: string) =>
  (JSON.parse(stackJson) as { deployment: { resources: ExportedResource[] } }).deployment.resources;
/** The files the pipeline components commit (the agent's configuration file is another component's). */
const componentFiles = (resources: ExportedResource[]) => {
  const parents = new Set(
    resources.filter((r) => r.type === "gitlab-ci-platform:pipelines:PipelineComponents").map((r) => r.urn),
  );
  return resources.filter((r) => r.type === FILE && r.parent !== undefined && parents.has(r.parent));
};
const stackFile = (stack: string) =>
  parse(fs.readFileSync(path.join(ROOT, `Pulumi.${stack}.yaml`), "utf8")) as {
    config: Record<string, unknown>;
  };

describe("every stack publishes the CI/CD components into its own GitLab", function () {
  this.timeout(60000);
  // The repository's template folder as GitLab's layout wants it; its own checks are the model's tests.
  const expected = () => planComponentProject(readTemplateFolder()).project;

  for (const stack of stackNames().filter((s) => s === "dev" || s === "prod")) {
    describe(`stack ${stack}`, () => {
      it("sets pipelineComponents to platform/ci-components", () => {
        assert.deepEqual(stackFile(stack).config[KEY], { project: "platform/ci-components" });
      });

      it("commits each file of templates/ to platform/ci-components on main, the README at the root", () => {
        const files = componentFiles(resourcesOf(synthOnce(stack).files.get("stack.json")!));
        const sent = files.map((f) => f.inputs!);
        assert.deepEqual(
          sent.map((i) => i.filePath),
          expected().files.map((f) => f.path),
        );
        assert.ok(sent.some((i) => i.filePath === "README.md"));
        for (const i of sent) {
          assert.deepEqual(
            [i.project, i.branch, i.encoding, i.overwriteOnCreate, i.commitMessage],
            [
              "platform/ci-components",
              "main",
              "text",
              true,
              `Publish CI/CD components (gitlab-ci-platform, stack ${stack})`,
            ],
          );
        }
      });

      it("exports the include line of each component and lists the files in the summary", () => {
        const run = synthOnce(stack);
        const [root] = resourcesOf(run.files.get("stack.json")!);
        const output = root.outputs?.pipelineComponents as {
          project: string;
          branch: string;
          includes: string[];
        };
        assert.deepEqual(
          output.includes,
          expected().components.map((c) => `$CI_SERVER_FQDN/platform/ci-components/${c}@main`),
        );
        const summary = run.files.get("summary.md")!;
        for (const file of expected().files) {
          assert.ok(summary.includes(`| \`${file.path}\` | platform/ci-components | main |`), file.path);
        }
      });
    });
  }

  describe("a stack without pipelineComponents", () => {
    const stack = "no-components-test";
    const file = path.join(ROOT, `Pulumi.${stack}.yaml`);
    after(() => fs.rmSync(file, { force: true }));

    it("commits nothing, exports no pipelineComponents output and says so in its summary", () => {
      const dev = stackFile("dev");
      delete dev.config[KEY];
      fs.writeFileSync(file, stringify(dev));
      const run = runSynth(stack);
      assert.equal(run.status, 0, run.stderr);
      const resources = resourcesOf(run.files.get("stack.json")!);
      assert.equal(componentFiles(resources).length, 0);
      assert.ok(resources[0].outputs, "the stack has outputs");
      assert.ok(!("pipelineComponents" in resources[0].outputs), "no pipelineComponents output");
      assert.match(run.files.get("summary.md")!, /## Pipeline components\n\n_none_\n/);
    });
  });
});
