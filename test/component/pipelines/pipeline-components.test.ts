import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { gitlabProvider } from "../../../components/gitlab/gitlab-provider";
import {
  PipelineComponents,
  REPOSITORY_TEMPLATE_FOLDER,
  loadComponentProject,
  readTemplateFolder,
} from "../../../components/pipelines";
import { ComponentProjectError } from "../../../model/pipelines";
import type { RecordedResource } from "../../../tools/synth/engine";
import { ROOT } from "../../helpers/synth";
import { ofType, recordResources } from "../../helpers/run-component";

const FILE = "gitlab:index/repositoryFile:RepositoryFile";
type Inputs = Record<string, unknown>;
const inputs = (r: RecordedResource) => r.inputs as Inputs;

/** A template folder in a temporary directory: relative path → content. */
function templateFolder(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "component-project-"));
  const folder = path.join(root, "templates");
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    fs.writeFileSync(path.join(folder, file), content);
  }
  return folder;
}

const FIXTURE = {
  "README.md": "# CI/CD components\n",
  "maven-build.yml":
    "spec:\n  inputs:\n    image: { default: maven:3.9 }\n---\nbuild: { script: [mvn package] }\n",
  "kubectl-deploy/template.yml": "spec:\n  inputs: {}\n---\ndeploy: { script: [kubectl apply -f k8s/] }\n",
};

describe("the template folder reader", () => {
  let folder: string;
  before(() => {
    folder = templateFolder(FIXTURE);
  });
  after(() => fs.rmSync(path.dirname(folder), { recursive: true, force: true }));

  it("reads every file with its repository path and text, sorted", () => {
    assert.deepEqual(readTemplateFolder(folder), [
      { path: "templates/README.md", content: FIXTURE["README.md"] },
      { path: "templates/kubectl-deploy/template.yml", content: FIXTURE["kubectl-deploy/template.yml"] },
      { path: "templates/maven-build.yml", content: FIXTURE["maven-build.yml"] },
    ]);
  });

  it("reads the repository's own templates/ by default", () => {
    assert.equal(REPOSITORY_TEMPLATE_FOLDER, path.join(ROOT, "templates"));
  });

  it("a missing folder has no files, so loading it names the missing component and README", () => {
    const missing = path.join(path.dirname(folder), "nothing-here");
    assert.deepEqual(readTemplateFolder(missing), []);
    assert.throws(
      () => loadComponentProject(missing),
      (err: unknown) =>
        err instanceof ComponentProjectError &&
        err.problems.map((p) => p.path).join(" ") === "templates/ templates/README.md",
    );
  });

  it("a misplaced file stops loading with its path and fix", () => {
    const bad = templateFolder({ ...FIXTURE, "maven-build.yaml": "x: 1\n" });
    assert.throws(
      () => loadComponentProject(bad),
      /templates\/maven-build\.yaml: .* — rename it to templates\/maven-build\.yml/,
    );
    fs.rmSync(path.dirname(bad), { recursive: true, force: true });
  });
});

describe("PipelineComponents", function () {
  this.timeout(20000);
  let rs: RecordedResource[];
  let outputs: { includes: string[]; paths: string[] };

  before(async () => {
    const folder = templateFolder(FIXTURE);
    rs = await recordResources(() => {
      const gitlab = gitlabProvider("gitlab", { url: "https://gitlab.example.com", token: "glpat-x" });
      const published = new PipelineComponents(
        "pipeline-components",
        {
          project: "platform/ci-components",
          branch: "main",
          authorName: "CI platform",
          authorEmail: "ci-platform@example.com",
          content: loadComponentProject(folder),
        },
        { provider: gitlab },
      );
      outputs = { includes: published.includes, paths: published.paths };
    }, "dev");
    fs.rmSync(path.dirname(folder), { recursive: true, force: true });
  });

  it("commits one file per published path: the components where they are, the README at the root", () => {
    const files = ofType(rs, FILE);
    assert.deepEqual(
      files.map((f) => inputs(f).filePath),
      ["README.md", "templates/kubectl-deploy/template.yml", "templates/maven-build.yml"],
    );
    assert.deepEqual(outputs.paths, [
      "README.md",
      "templates/kubectl-deploy/template.yml",
      "templates/maven-build.yml",
    ]);
    const byPath = new Map(files.map((f) => [inputs(f).filePath, inputs(f)]));
    assert.equal(byPath.get("README.md")?.content, FIXTURE["README.md"]);
    assert.equal(byPath.get("templates/maven-build.yml")?.content, FIXTURE["maven-build.yml"]);
  });

  it("commits every file as text to the configured project and branch, overwriting a file already there", () => {
    for (const file of ofType(rs, FILE)) {
      const i = inputs(file);
      assert.deepEqual(
        [i.project, i.branch, i.encoding, i.overwriteOnCreate, i.authorName, i.authorEmail],
        ["platform/ci-components", "main", "text", true, "CI platform", "ci-platform@example.com"],
      );
    }
  });

  it("uses one commit message naming the project and the stack, and no per-action messages", () => {
    for (const file of ofType(rs, FILE)) {
      const i = inputs(file);
      assert.equal(i.commitMessage, "Publish CI/CD components (gitlab-ci-platform, stack dev)");
      assert.equal(i.createCommitMessage, undefined);
    }
  });

  it("declares each file under the component, with the GitLab provider and the pinned plugin version", () => {
    const component = rs.find((r) => r.type === "gitlab-ci-platform:pipelines:PipelineComponents");
    const provider = rs.find((r) => r.type === "pulumi:providers:gitlab");
    assert.ok(component && provider);
    for (const file of ofType(rs, FILE)) {
      assert.equal(file.parent, component.urn);
      assert.ok(file.provider?.startsWith(`${provider.urn}::`), file.provider);
      assert.equal(file.options.version, "10.1.1");
      assert.deepEqual(file.options.additionalSecretOutputs, []);
    }
  });

  it("names the include line of each component, on the published branch", () => {
    assert.deepEqual(outputs.includes, [
      "$CI_SERVER_FQDN/platform/ci-components/kubectl-deploy@main",
      "$CI_SERVER_FQDN/platform/ci-components/maven-build@main",
    ]);
  });

  it("gives each file its own resource name, from the component's name and the file's path", () => {
    const names = ofType(rs, FILE).map((f) => f.name);
    assert.deepEqual(names, [
      "pipeline-components-README.md",
      "pipeline-components-templates/kubectl-deploy/template.yml",
      "pipeline-components-templates/maven-build.yml",
    ]);
  });
});
