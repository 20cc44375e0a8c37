import fc from "fast-check";
import { strict as assert } from "node:assert";
import {
  ComponentProjectError,
  componentInclude,
  componentProjectOf,
  planComponentProject,
  type TemplateFile,
} from "../../../../model/pipelines";
import { formatProblem } from "../../../../model/problems";

const file = (path: string, content = `# ${path}\n`): TemplateFile => ({ path, content });
const README = file("templates/README.md", "# CI/CD components\n");
const BUILD = file(
  "templates/maven-build.yml",
  "spec:\n  inputs: {}\n---\nbuild: { script: [mvn package] }\n",
);
const DEPLOY = file("templates/kubectl-deploy/template.yml");

const problemsOf = (files: TemplateFile[]) => planComponentProject(files).problems.map(formatProblem);

describe("planComponentProject: the template folder in GitLab's component project layout", () => {
  it("keeps templates/<name>.yml and templates/<name>/template.yml at their paths, the README at the root", () => {
    const { project, problems } = planComponentProject([DEPLOY, README, BUILD]);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      project.files.map((f) => [f.source, f.path]),
      [
        ["templates/README.md", "README.md"],
        ["templates/kubectl-deploy/template.yml", "templates/kubectl-deploy/template.yml"],
        ["templates/maven-build.yml", "templates/maven-build.yml"],
      ],
    );
    assert.deepEqual(project.components, ["kubectl-deploy", "maven-build"]);
  });

  it("publishes each file's content unchanged", () => {
    const { project } = planComponentProject([README, BUILD]);
    assert.equal(project.files.find((f) => f.path === "templates/maven-build.yml")?.content, BUILD.content);
    assert.equal(project.files.find((f) => f.path === "README.md")?.content, README.content);
  });

  const REFUSED: { name: string; path: string; fix: string }[] = [
    { name: "a .yaml file", path: "templates/build.yaml", fix: "rename it to templates/build.yml" },
    {
      name: "another YAML file in a directory component",
      path: "templates/deploy/rollout.yml",
      fix: "merge it into templates/deploy/template.yml",
    },
    { name: "a nested directory", path: "templates/a/b/template.yml", fix: "move it out of templates/" },
    { name: "a hidden file", path: "templates/.gitkeep", fix: "move it out of templates/" },
    { name: "a second README", path: "templates/deploy/README.md", fix: "templates/README.md" },
    {
      name: "a script beside the components",
      path: "templates/cleanup.sh",
      fix: "move it out of templates/",
    },
    {
      name: "a file outside templates/",
      path: "examples/dev/.gitlab-ci.yml",
      fix: "only files under templates/",
    },
    { name: "a component name with a space", path: "templates/my build.yml", fix: "letters, digits" },
  ];
  for (const c of REFUSED) {
    it(`refuses ${c.name}, naming the file and the fix`, () => {
      const problems = problemsOf([README, BUILD, file(c.path)]);
      assert.equal(problems.length, 1, problems.join("\n"));
      assert.ok(problems[0].startsWith(`${c.path}: `), problems[0]);
      assert.ok(problems[0].includes(` — `) && problems[0].includes(c.fix), problems[0]);
    });
  }

  it("refuses two files for one component", () => {
    const problems = problemsOf([
      README,
      file("templates/deploy.yml"),
      file("templates/deploy/template.yml"),
    ]);
    assert.deepEqual(problems, [
      'templates/deploy/template.yml: is component "deploy" again (templates/deploy.yml is too) — keep one of templates/deploy.yml and templates/deploy/template.yml',
    ]);
  });

  it("refuses a folder with no component, and one with no README", () => {
    assert.match(
      problemsOf([README]).join("\n"),
      /^templates\/: holds no component — add templates\/<name>\.yml/,
    );
    assert.match(
      problemsOf([BUILD]).join("\n"),
      /^templates\/README\.md: is missing: .* — add templates\/README\.md/,
    );
    assert.equal(problemsOf([]).length, 2);
  });

  it("reports every problem at once, and componentProjectOf throws them together", () => {
    const files = [file("templates/a.yaml"), file("templates/b.txt")];
    assert.equal(problemsOf(files).length, 4);
    assert.throws(
      () => componentProjectOf(files),
      (err: unknown) => err instanceof ComponentProjectError && err.problems.length === 4,
    );
    assert.deepEqual(componentProjectOf([README, BUILD]).components, ["maven-build"]);
  });

  it("names a component for include by project, name and version", () => {
    assert.equal(
      componentInclude("platform/ci-components", "kaniko-build", "main"),
      "$CI_SERVER_FQDN/platform/ci-components/kaniko-build@main",
    );
  });
});

describe("planComponentProject (property)", () => {
  const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/);
  const templateFile = fc.oneof(
    name.map((n) => `templates/${n}.yml`),
    name.map((n) => `templates/${n}/template.yml`),
    name.map((n) => `templates/${n}/notes.md`),
    fc.constant("templates/README.md"),
  );
  const folder = fc.uniqueArray(fc.record({ path: templateFile, content: fc.string({ maxLength: 40 }) }), {
    selector: (f) => f.path,
    maxLength: 12,
  });

  it("gives the same result for any order of the same files; published paths are sorted and unique", () => {
    fc.assert(
      fc.property(folder, fc.infiniteStream(fc.double()), (files, noise) => {
        const shuffled = files
          .map((f) => ({ f, k: noise.next().value }))
          .sort((a, b) => a.k - b.k)
          .map(({ f }) => f);
        const first = planComponentProject(files);
        assert.deepStrictEqual(planComponentProject(shuffled), first);
        const paths = first.project.files.map((f) => f.path);
        assert.deepEqual(paths, [...new Set(paths)].sort());
        // Every input is either published or named in a problem (the README is published under its new path).
        for (const f of files) {
          const published = first.project.files.some((p) => p.source === f.path);
          const named = first.problems.some((p) => p.path === f.path);
          assert.ok(published !== named, `${f.path}: published ${published}, named ${named}`);
        }
      }),
      { numRuns: 200 },
    );
  });
});
