import { strict as assert } from "node:assert";
import type { RecordedResource } from "../../../../tools/synth/engine";
import { renderSummary } from "../../../../tools/synth/summary";

const TYPE = "gitlab:index/repositoryFile:RepositoryFile";
const COMPONENTS = "gitlab-ci-platform:pipelines:PipelineComponents";
const PARENT = `urn:pulumi:dev::gitlab-ci-platform::${COMPONENTS}::pipeline-components`;
const AGENT_PARENT = "urn:pulumi:dev::gitlab-ci-platform::gitlab-ci-platform:agent:AgentRegistration::agent";

/** The resource options the engine records when a program sets none. */
const OPTIONS: RecordedResource["options"] = {
  additionalSecretOutputs: [],
  replaceOnChanges: [],
  protect: false,
  retainOnDelete: false,
  deleteBeforeReplace: false,
};

/** The component the files belong to, as the engine records it. */
const publisher: RecordedResource = {
  urn: PARENT,
  type: COMPONENTS,
  name: "pipeline-components",
  custom: false,
  dependencies: [],
  propertyDependencies: {},
  inputs: {},
  outputs: {},
  options: OPTIONS,
};

function repositoryFile(
  filePath: string,
  project = "platform/ci-components",
  branch = "main",
  parent = PARENT,
): RecordedResource {
  return {
    urn: `urn:pulumi:dev::gitlab-ci-platform::${TYPE}::pipeline-components-${filePath}`,
    type: TYPE,
    parent,
    name: `pipeline-components-${filePath}`,
    custom: true,
    dependencies: [],
    propertyDependencies: {},
    inputs: { filePath, project, branch, encoding: "text", content: "job: { script: [secret-looking] }\n" },
    outputs: {},
    options: OPTIONS,
  };
}

const summaryOf = (resources: RecordedResource[]) =>
  renderSummary({
    stack: "dev",
    resources,
    objects: [],
    runnerConfigs: new Map(),
    cacheTypes: new Map(),
    warnings: [],
    missingSecrets: [],
  });

describe("synth's summary lists the published pipeline components", () => {
  it("one row per committed file (file, project, branch), sorted, without the content; not the agent's configuration", () => {
    const summary = summaryOf([
      publisher,
      repositoryFile("templates/maven-build.yml"),
      repositoryFile("README.md"),
      repositoryFile("templates/kaniko-build.yml"),
      repositoryFile(".gitlab/agents/dev-cluster/config.yaml", "platform/k8s-agents", "main", AGENT_PARENT),
    ]);
    const section = summary.slice(summary.indexOf("## Pipeline components"));
    assert.deepEqual(
      section.split("\n").filter((l) => l.startsWith("| `")),
      [
        "| `README.md` | platform/ci-components | main |",
        "| `templates/kaniko-build.yml` | platform/ci-components | main |",
        "| `templates/maven-build.yml` | platform/ci-components | main |",
      ],
    );
    assert.ok(!summary.includes("secret-looking"));
  });

  it("says none when nothing is published", () => {
    assert.match(summaryOf([]), /## Pipeline components\n\n_none_\n/);
  });
});
