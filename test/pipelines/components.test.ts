import * as assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ValidateFunction } from "ajv";
import { stringify } from "yaml";
import { fleetOffer, jobProblems, type FleetOffer } from "../../model/pipelines";
import {
  includeComponentsFromRepo,
  previewPipeline,
  scratchRepo,
  COMPONENT_PROJECT,
} from "../helpers/gitlab-ci-local";
import { requireGitlabCiValidator, schemaErrors } from "../helpers/gitlab-ci-schema";
import { loadStackFile } from "../helpers/stack-file";
import { type Component, component, components, inputValueProblem, interpolatedInputs } from "./templates";
import { expandedJobs } from "../../tools/pipeline-check/jobs";

/** Inputs for a component included on its own: those without a default, and no jobs to wait for. */
const STANDALONE: Record<string, Record<string, unknown>> = {
  "kubectl-deploy": {
    image: "harbor.example.com/tools/kubectl:1.34.4",
    environment: "production",
    environment_url: "https://shop.example.com",
    needs: [],
  },
  "kaniko-build": { needs: [] },
  "docker-build-dind": { needs: [], job_name: "build-image-dind" },
};
const PINNED = /^\^.*sha256.*\$$/;

describe("pipeline components: templates/ in the layout GitLab requires for a component project", () => {
  const all = components();

  it("has the components applications need", () => {
    assert.deepEqual(
      all.map((c) => c.name),
      ["cache-cleanup", "docker-build-dind", "kaniko-build", "kubectl-deploy", "maven-build"],
    );
  });

  for (const c of all) {
    describe(c.file, () => {
      const inputs = c.header.spec.inputs;

      it("declares every input it uses, uses every input it declares, and describes each", () => {
        assert.deepEqual([...interpolatedInputs(c.body)].sort(), Object.keys(inputs).sort());
        for (const [name, spec] of Object.entries(inputs))
          assert.ok(spec.description, `${name} has a description`);
      });

      it("every default satisfies its own type, options and regex", () => {
        for (const [name, spec] of Object.entries(inputs)) {
          if (spec.default === undefined) continue;
          assert.equal(
            inputValueProblem(spec, spec.default),
            undefined,
            `${name}: ${JSON.stringify(spec.default)}`,
          );
        }
      });

      it("image inputs accept only a version tag or a digest", () => {
        const images = Object.entries(inputs).filter(
          ([name]) => /(^|_)image$/.test(name) && name !== "image_name",
        );
        assert.ok(images.length > 0);
        for (const [name, spec] of images) {
          assert.match(spec.regex ?? "", PINNED, name);
          for (const bad of ["maven", "maven:latest", "docker:dind", "gcr.io/kaniko-project/executor:debug"])
            assert.ok(inputValueProblem(spec, bad), `${name} refuses ${bad}`);
          for (const good of [
            "maven:3.9.11-eclipse-temurin-21",
            "harbor.example.com:8443/tools/kubectl:1.34.4",
          ])
            assert.equal(inputValueProblem(spec, good), undefined, `${name} accepts ${good}`);
        }
      });

      it("job tags come from an array input", () => {
        assert.equal(inputs.tags?.type, "array");
        assert.match(c.body, /^ {2}tags: \$\[\[ inputs\.tags \]\]$/m);
      });
    });
  }
});

describe("pipeline components: what each one may and may not do", () => {
  it("kaniko-build reads the credential the fleet mounts; it never logs in or writes a docker config", () => {
    const body = component("kaniko-build").body;
    assert.doesNotMatch(body, /docker login|auths|>\s*\/kaniko\/\.docker/);
    assert.match(body, /\/kaniko\/\.docker\/config\.json/);
    assert.match(body, /--digest-file/);
    assert.match(body, /dotenv: image\.env/);
  });

  it("kubectl-deploy sets the image through kustomize, never sed, and waits for rollouts with a timeout", () => {
    const body = component("kubectl-deploy").body;
    assert.doesNotMatch(body, /\bsed\b/);
    assert.match(body, /kubectl kustomize/);
    assert.match(body, /rollout status .*--timeout "\$DEPLOY_ROLLOUT_TIMEOUT"/);
    assert.doesNotMatch(body, /base64 -d|kube_config/, "KUBECONFIG is a file variable, used as it is");
  });

  it("docker-build-dind keeps TLS on between client and daemon", () => {
    const body = component("docker-build-dind").body;
    assert.match(body, /DOCKER_HOST: tcp:\/\/docker:2376/);
    assert.match(body, /DOCKER_TLS_CERTDIR: \/certs/);
    assert.match(body, /DOCKER_TLS_VERIFY: "1"/);
    assert.doesNotMatch(body, /DOCKER_TLS_CERTDIR: ""|:2375/);
    assert.match(body, /--password-stdin/);
  });
});

describe("pipeline components: each one expanded with its defaults is a valid pipeline (conformance)", function () {
  this.timeout(60000);
  let validate: ValidateFunction;
  let expanded: Record<string, unknown>;
  before(function () {
    validate = requireGitlabCiValidator(this);
    // One pipeline including every component (one gitlab-ci-local run); only docker-build-dind is renamed, as
    // it shares kaniko-build's default job name.
    const repo = scratchRepo({ templates: "templates" });
    try {
      const pipeline = {
        stages: ["build", "package", "deploy"],
        include: components().map((c) => ({
          component: `$CI_SERVER_FQDN/${COMPONENT_PROJECT}/${c.name}@1.0.0`,
          inputs: STANDALONE[c.name] ?? {},
        })),
      };
      writeFileSync(join(repo.dir, ".gitlab-ci.yml"), stringify(pipeline));
      includeComponentsFromRepo(repo);
      expanded = previewPipeline(repo);
    } finally {
      repo.remove();
    }
  });

  it("every component's header validates", () => {
    for (const c of components()) assert.ok(validate(c.header), `${c.file}: ${schemaErrors(validate)}`);
  });

  it("the expanded configuration of every component validates, one job each", () => {
    assert.ok(validate(expanded), schemaErrors(validate));
    assert.deepEqual(
      expandedJobs(expanded)
        .map((j) => j.name)
        .sort(),
      ["build-image", "build-image-dind", "cache-cleanup", "deploy", "maven-build"],
    );
  });
});

describe("pipeline components: default tags select the stacks' fleets", () => {
  const stacks = ["dev", "prod"].map((stack) => ({
    stack,
    fleets: loadStackFile(stack).fleets.map(fleetOffer),
  }));
  const defaultTags = (c: Component) => c.header.spec.inputs.tags.default as string[];

  for (const c of components().filter((c) => c.name !== "docker-build-dind")) {
    it(`${c.name}: [${defaultTags(c).join(", ")}] is served by a fleet of every stack`, () => {
      for (const { stack, fleets } of stacks) {
        const job = { name: c.name, tags: defaultTags(c), services: [] };
        assert.deepEqual(jobProblems(job, fleets), [], stack);
      }
    });
  }

  it("docker-build-dind runs only on a fleet that allows docker-in-docker: neither stack has one", () => {
    const c = component("docker-build-dind");
    const inputs = c.header.spec.inputs;
    const job = {
      name: c.name,
      tags: inputs.tags.default as string[],
      image: inputs.image.default as string,
      services: [inputs.service_image.default as string],
    };
    for (const { stack, fleets } of stacks)
      assert.match(jobProblems(job, fleets)[0]?.reason ?? "", /no fleet has every tag of \[dind\]/, stack);
    const general = stacks[0].fleets[0];
    const dindFleet: FleetOffer = {
      ...general,
      tags: ["dind"],
      allowedImages: undefined,
      allowedServices: ["docker:*-dind"],
      privileged: true,
    };
    assert.deepEqual(jobProblems(job, [dindFleet]), []);
    assert.match(
      jobProblems(job, [{ ...dindFleet, privileged: false }])[0].reason,
      /needs privileged containers/,
    );
  });
});
