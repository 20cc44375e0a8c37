import { strict as assert } from "node:assert";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { cluster, startControllerManager } from "./harness/cluster";
import { deployStack } from "./harness/deploy";
import { deployerKubeconfig } from "./harness/deployer";
import { markPodsReady } from "./harness/ready-pods";
import { record } from "./harness/timings";
import { runJobs, type ScratchRepo } from "../helpers/gitlab-ci-local";
import { deployJobRepo, requireRsync } from "./harness/deploy-job";

const IMAGE_REF = `registry.test.invalid/shop/shop@sha256:${"ab".repeat(32)}`;

interface DeploymentStatus {
  spec: { template: { spec: { containers: { image: string }[] } } };
  status: { updatedReplicas?: number; availableReplicas?: number };
}

/**
 * The dev example's deploy job, run by gitlab-ci-local's shell executor with kubectl on the PATH and, as GitLab
 * would give it, the KUBECONFIG file variable scoped to the "dev" environment: the kubeconfig the platform builds
 * from the deploy target's token.
 */
describe("example pipeline: the dev deploy job against a real API server", function () {
  let repo: ScratchRepo;
  let own = "";
  let other = "";
  let env: NodeJS.ProcessEnv;

  before(async function () {
    if (!cluster().assets.path("kube-controller-manager")) {
      console.log(
        `\n  skipped: no kube-controller-manager (the token controller) in ${cluster().assets.dir}\n`,
      );
      this.skip();
    }
    requireRsync(this);
    await startControllerManager();
    const deployment = await deployStack("dev", "pipeline");
    own = deployment.namespaces.map("shop-dev");
    other = deployment.namespaces.map("shop-review");
    const kubeconfig = await deployerKubeconfig(own, "deployer-token", `${own}-deployer`);
    ({ repo, env } = deployJobRepo("examples/dev/.gitlab-ci.yml", kubeconfig));
  });

  after(() => repo?.remove());

  it("applies the manifests with the built image by digest, and waits for the rollout to complete", async () => {
    const kubelet = markPodsReady(own);
    const started = Date.now();
    const run = await runJobs(repo, ["deploy-dev"], { env, variables: { IMAGE_REF } }).finally(() =>
      kubelet.stop(),
    );
    record("example deploy job (gitlab-ci-local, shell executor)", Date.now() - started);
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /deployment\.apps\/shop/);
    assert.match(run.output, /service\/shop/);
    assert.match(run.output, /deployment "shop" successfully rolled out/);
    const shop = await cluster().kubectl.json<DeploymentStatus>(["get", "deployment", "shop", "-n", own]);
    assert.equal(shop.spec.template.spec.containers[0].image, IMAGE_REF);
    assert.equal(shop.status.availableReplicas, 1);
  });

  it("is refused in another application's namespace, with the error in the job log", async () => {
    const run = await runJobs(repo, ["deploy-dev"], {
      env,
      variables: { IMAGE_REF, DEPLOY_NAMESPACE: other },
    });
    assert.notEqual(run.code, 0, run.output);
    assert.match(run.output, /forbidden/i);
    const there = await cluster().kubectl.run(["get", "deployment", "shop", "-n", other]);
    assert.match(there.stderr, /not found/);
  });

  it("fails when the rollout does not complete within rollout_timeout, and the log shows the pods and events", async () => {
    const run = await runJobs(repo, ["deploy-dev"], {
      env,
      variables: { IMAGE_REF: IMAGE_REF.replace("ab", "cd"), DEPLOY_ROLLOUT_TIMEOUT: "3s" },
    });
    assert.notEqual(run.code, 0, run.output);
    assert.match(run.output, /timed out waiting for the condition/);
    assert.match(run.output, /NAME\s+READY\s+STATUS/);
  });

  it("without the environment's KUBECONFIG (another environment) the job stops with what to fix", async () => {
    writeFileSync(
      join(repo.dir, ".gitlab-ci-local-variables.yml"),
      stringify({ KUBECONFIG: { values: { production: "/nonexistent" } } }),
    );
    const run = await runJobs(repo, ["deploy-dev"], { env, variables: { IMAGE_REF } });
    assert.notEqual(run.code, 0, run.output);
    assert.match(run.output, /KUBECONFIG is not a file: the platform gives it/);
  });
});
