import * as assert from "node:assert/strict";
import { expandedJobs, jobDefaults } from "../../../../tools/pipeline-check/jobs";

describe("pipeline:check reads a job's tags as GitLab does, default: tags included", () => {
  const defaults = jobDefaults({ default: { tags: ["k8s"], image: "node:22.12.0" } });

  it("a job without tags takes default: tags", () => {
    const [job] = expandedJobs({ lint: { script: ["npm run lint"] } }, defaults);
    assert.deepEqual(job.tags, ["k8s"]);
  });

  it("a job's own tags win over the default", () => {
    const [job] = expandedJobs({ deploy: { tags: ["deploy"], script: ["x"] } }, defaults);
    assert.deepEqual(job.tags, ["deploy"]);
  });

  it("inherit: default: false, or a list without tags, declines the default tags", () => {
    const jobs = expandedJobs(
      {
        none: { inherit: { default: false }, script: ["x"] },
        imageOnly: { inherit: { default: ["image"] }, script: ["x"] },
        tagsToo: { inherit: { default: ["image", "tags"] }, script: ["x"] },
      },
      defaults,
    );
    assert.deepEqual(
      jobs.map((j) => [j.name, j.tags]),
      [
        ["none", []],
        ["imageOnly", []],
        ["tagsToo", ["k8s"]],
      ],
    );
  });

  it("a pipeline without default: tags gives none", () => {
    assert.deepEqual(jobDefaults({ default: { image: "node:22" } }), {});
  });
});
