import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ValidateFunction } from "ajv";
import { parse } from "yaml";
import {
  COMPONENT_PROJECT,
  includeComponentsFromRepo,
  listJobs,
  previewPipeline,
  ROOT,
  type ScratchRepo,
  scratchRepo,
} from "../helpers/gitlab-ci-local";
import { checkPipeline } from "../../tools/pipeline-check/check";
import { requireGitlabCiValidator, schemaErrors } from "../helpers/gitlab-ci-schema";
import { loadStackFile } from "../helpers/stack-file";
import { component, inputValueProblem } from "./templates";
import { expandedJobs } from "../../tools/pipeline-check/jobs";

/** The example application repository for a stack: examples/shop with that stack's pipeline, and the components. */
function exampleRepo(stack: string, ref: { branch?: string; tag?: string } = {}): ScratchRepo {
  const repo = scratchRepo(
    { "examples/shop": ".", [`examples/${stack}/.gitlab-ci.yml`]: ".gitlab-ci.yml", templates: "templates" },
    ref,
  );
  includeComponentsFromRepo(repo);
  return repo;
}

function withRepo<T>(
  stack: string,
  ref: { branch?: string; tag?: string },
  use: (repo: ScratchRepo) => T,
): T {
  const repo = exampleRepo(stack, ref);
  try {
    return use(repo);
  } finally {
    repo.remove();
  }
}

/** gitlab-ci-local reads the branch from Git; a tag pipeline is named by its variable. */
const refVariables = (ref: { branch?: string; tag?: string }): Record<string, string> =>
  ref.tag ? { CI_COMMIT_TAG: ref.tag } : {};

interface Include {
  component: string;
  inputs?: Record<string, unknown>;
}
const includesOf = (stack: string) =>
  (parse(readFileSync(join(ROOT, "examples", stack, ".gitlab-ci.yml"), "utf8")) as { include: Include[] })
    .include;

const EXPECTED = {
  dev: {
    deploy: "deploy-dev",
    environment: "dev",
    release: { branch: "main" },
    other: { branch: "feature" },
  },
  prod: {
    deploy: "deploy-production",
    environment: "production",
    release: { tag: "1.4.0" },
    other: { branch: "main" },
  },
} as const;

for (const stack of ["dev", "prod"] as const) {
  const expected = EXPECTED[stack];

  describe(`example pipeline for stack ${stack}: examples/${stack}/.gitlab-ci.yml`, function () {
    this.timeout(60000);

    it("includes the published components by path and version, with inputs each component accepts", () => {
      assert.equal(
        loadStackFile(stack).pipelineComponents?.project,
        COMPONENT_PROJECT,
        "the project the stack publishes to",
      );
      for (const include of includesOf(stack)) {
        const match = new RegExp(
          `^\\$CI_SERVER_FQDN/${COMPONENT_PROJECT}/([a-z0-9-]+)@\\d+\\.\\d+\\.\\d+$`,
        ).exec(include.component);
        assert.ok(match, include.component);
        const inputs = component(match[1]).header.spec.inputs;
        for (const [name, value] of Object.entries(include.inputs ?? {})) {
          assert.ok(inputs[name], `${match[1]} has an input ${name}`);
          assert.equal(
            inputValueProblem(inputs[name], value),
            undefined,
            `${match[1]}.${name}: ${JSON.stringify(value)}`,
          );
        }
        for (const [name, spec] of Object.entries(inputs))
          if (spec.default === undefined)
            assert.ok(include.inputs?.[name] !== undefined, `${match[1]} needs ${name}`);
      }
    });

    it(`${JSON.stringify(expected.release)} builds, pushes the image and deploys to ${expected.environment}`, () => {
      const jobs = withRepo(stack, expected.release, (repo) =>
        listJobs(repo, refVariables(expected.release)),
      );
      assert.deepEqual(
        [...jobs.values()].map((j) => [j.name, j.stage, j.when]),
        [
          ["maven-build", "build", "on_success"],
          ["build-image", "package", "on_success"],
          [expected.deploy, "deploy", "on_success"],
        ],
      );
    });

    it(`${JSON.stringify(expected.other)} only builds and tests: no image, no deployment`, () => {
      const jobs = withRepo(stack, expected.other, (repo) => listJobs(repo));
      assert.equal(jobs.get("maven-build")?.when, "on_success");
      assert.equal(jobs.get("build-image")?.when, "never");
      assert.equal(jobs.get(expected.deploy)?.when, "never");
    });

    describe("expanded, as GitLab runs it", () => {
      let expanded: Record<string, unknown>;
      before(() => {
        expanded = withRepo(stack, expected.release, (repo) => previewPipeline(repo));
      });

      it("validates against GitLab's schema, as written and expanded (conformance)", function () {
        const validate: ValidateFunction = requireGitlabCiValidator(this);
        const raw = parse(readFileSync(join(ROOT, "examples", stack, ".gitlab-ci.yml"), "utf8"));
        assert.ok(validate(raw), schemaErrors(validate));
        assert.ok(validate(expanded), schemaErrors(validate));
      });

      it(`every job runs on a fleet of stack ${stack}: tags served, images allowed and pinned`, () => {
        assert.equal(expandedJobs(expanded).length, 3);
        const check = checkPipeline({
          root: ROOT,
          stack,
          appDir: join(ROOT, "examples/shop"),
          pipeline: join(ROOT, "examples", stack, ".gitlab-ci.yml"),
        });
        assert.deepEqual(check.problems, []);
        assert.deepEqual(check.jobs, ["maven-build", "build-image", expected.deploy]);
      });

      it(`the deploy job's environment receives a KUBECONFIG of stack ${stack} for platform/shop`, () => {
        const deploy = expanded[expected.deploy] as {
          environment: { name: string };
          needs: { job: string }[];
        };
        assert.equal(deploy.environment.name, expected.environment);
        const targets = loadStackFile(stack).gitlabSide.deployTargets;
        const target = targets.find(
          (t) => t.project === "platform/shop" && t.environmentScope === deploy.environment.name,
        );
        assert.ok(
          target,
          `a deploy target scoped to ${deploy.environment.name} (${targets.map((t) => t.environmentScope)})`,
        );
        assert.deepEqual(
          deploy.needs.map((n) => n.job),
          ["build-image"],
        );
      });
    });
  });
}
