import * as assert from "node:assert/strict";
import {
  type FleetOffer,
  fleetsServing,
  jobProblems,
  unprotectedRefProblems,
  type PipelineJob,
} from "../../../../model/pipelines";

const general: FleetOffer = {
  name: "k8s",
  tags: ["k8s", "prod"],
  runUntagged: false,
  protected: false,
  allowedImages: ["harbor.example.com/**/*", "alpine:*"],
  privileged: false,
  kanikoCredential: false,
};
const kaniko: FleetOffer = {
  ...general,
  name: "kaniko",
  tags: ["kaniko", "prod"],
  allowedImages: ["gcr.io/kaniko-project/executor:*"],
  kanikoCredential: true,
};
const dind: FleetOffer = {
  ...general,
  name: "dind",
  tags: ["dind"],
  allowedImages: undefined,
  privileged: true,
};
const fleets = [general, kaniko, dind];
const job = (over: Partial<PipelineJob>): PipelineJob => ({ name: "build", tags: [], services: [], ...over });

describe("fleetsServing: which fleets pick a job up", () => {
  it("a fleet serves a job when it has every one of the job's tags", () => {
    assert.deepEqual(
      fleetsServing(job({ tags: ["k8s"] }), fleets).map((f) => f.name),
      ["k8s"],
    );
    assert.deepEqual(fleetsServing(job({ tags: ["k8s", "kaniko"] }), fleets), []);
  });

  it("an untagged job runs only on fleets that run untagged jobs", () => {
    assert.deepEqual(fleetsServing(job({}), fleets), []);
    assert.deepEqual(
      fleetsServing(job({}), [{ ...general, runUntagged: true }]).map((f) => f.name),
      ["k8s"],
    );
  });
});

describe("jobProblems: what would stop a job on the fleets that serve it", () => {
  it("accepts a pinned, allowed image on a fleet with the job's tags", () => {
    assert.deepEqual(
      jobProblems(job({ tags: ["k8s", "prod"], image: "harbor.example.com/tools/kubectl:1.34.4" }), fleets),
      [],
    );
  });

  it("names the tags when no fleet serves them, and lists what the fleets offer", () => {
    const [problem] = jobProblems(job({ tags: ["deploy"] }), fleets);
    assert.equal(problem.path, 'jobs["build"].tags');
    assert.match(problem.reason, /no fleet has every tag of \[deploy\]/);
    assert.match(problem.fix!, /k8s \[k8s, prod\], kaniko \[kaniko, prod\], dind \[dind\]/);
  });

  it("refuses an image the fleet does not allow, naming the fleet and its patterns", () => {
    const [problem] = jobProblems(job({ tags: ["k8s"], image: "maven:3.9.11-eclipse-temurin-21" }), fleets);
    assert.equal(problem.path, 'jobs["build"].image');
    assert.match(
      problem.reason,
      /not among the images allowed on fleet k8s \(harbor.example.com\/\*\*\/\*, alpine:\*\)/,
    );
  });

  it("refuses unpinned images and services", () => {
    const problems = jobProblems(
      job({ tags: ["dind"], image: "docker:cli", services: ["docker:dind"] }),
      fleets,
    );
    assert.deepEqual(
      problems.map((p) => p.path),
      ['jobs["build"].image', 'jobs["build"].services'],
    );
    assert.equal(problems[0].reason, 'docker:cli has tag "cli", which names no version');
    assert.equal(problems[1].reason, 'docker:dind has tag "dind", which names no version');
  });

  it("a kaniko build needs a fleet that mounts the registry credential", () => {
    const image = "harbor.example.com/mirror/kaniko-project/executor:v1.23.2-debug";
    const [problem] = jobProblems(job({ tags: ["k8s"], image }), fleets);
    assert.match(problem.reason, /no registry credential at \/kaniko\/.docker/);
    assert.deepEqual(
      jobProblems(job({ tags: ["kaniko"], image: "gcr.io/kaniko-project/executor:v1.23.2-debug" }), fleets),
      [],
    );
  });

  it("docker-in-docker needs a privileged fleet", () => {
    const services = ["docker:27.5.1-dind"];
    const onGeneral = jobProblems(job({ tags: ["k8s"], image: "alpine:3.20.3", services }), fleets);
    assert.match(onGeneral[0].reason, /needs privileged containers, which fleet k8s does not give/);
    assert.deepEqual(jobProblems(job({ tags: ["dind"], image: "docker:27.5.1-cli", services }), fleets), []);
  });

  it("a service outside the fleet's allowed services is refused", () => {
    const strict = { ...dind, allowedServices: ["harbor.example.com/**/*"] };
    const [problem] = jobProblems(
      job({ tags: ["dind"], image: "docker:27.5.1-cli", services: ["docker:27.5.1-dind"] }),
      [strict],
    );
    assert.match(problem.reason, /not among the services allowed on fleet dind/);
  });
});

describe("unprotectedRefProblems: a job of unprotected refs needs a fleet that takes them", () => {
  const deploy: FleetOffer = { ...general, name: "deploy", tags: ["deploy", "prod"], protected: true };

  it("refuses a job only protected fleets serve, naming them", () => {
    const problems = unprotectedRefProblems(job({ name: "preview", tags: ["deploy"] }), [general, deploy]);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].path, 'jobs["preview"].tags');
    assert.match(problems[0].reason, /only protected fleets serve it \(deploy\)/);
  });

  it("accepts a job an unprotected fleet serves, and leaves a job no fleet serves to jobProblems", () => {
    assert.deepEqual(unprotectedRefProblems(job({ tags: ["k8s"] }), [general, deploy]), []);
    assert.deepEqual(unprotectedRefProblems(job({ tags: ["gpu"] }), [general, deploy]), []);
  });
});
