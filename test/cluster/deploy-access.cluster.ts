import { strict as assert } from "node:assert";
import { stringify } from "yaml";
import { cluster, startControllerManager } from "./harness/cluster";
import { Deployment, deployStack } from "./harness/deploy";
import { deployerKubectl } from "./harness/deployer";
import { Kubectl } from "./harness/kubectl";
import { KubeObject } from "./harness/objects";
import { webDeployment } from "./harness/workloads";
import { record } from "./harness/timings";
import { ANNOTATIONS, COMPONENTS, LABELS } from "../../model/labels";

const applyAs = (kubectl: Kubectl, object: KubeObject) =>
  kubectl.run(["apply", "-f", "-"], stringify(object));
const canI = async (kubectl: Kubectl, args: string[]) =>
  (await kubectl.run(["auth", "can-i", ...args])).stdout.trim();

describe("deploy targets: a job with the KUBECONFIG the platform builds", () => {
  let deployment: Deployment;
  let deployer: Kubectl;
  let own: string;
  let otherTarget: string;
  let runnerNamespace: string;
  let jobNamespace: string;
  let started = 0;

  before(async function () {
    if (!cluster().assets.path("kube-controller-manager")) {
      console.log(
        `\n  skipped: no kube-controller-manager (the token controller) in ${cluster().assets.dir}\n`,
      );
      this.skip();
    }
    await startControllerManager();
    deployment = await deployStack("dev");
    const targets = deployment.objects.filter(
      (o) =>
        o.kind === "Namespace" &&
        o.metadata.labels?.[LABELS.component] === COMPONENTS.deploy &&
        o.metadata.annotations?.[ANNOTATIONS.agentAccess] === undefined,
    );
    assert.equal(targets.length, 2, "dev has the shop application's dev and review kubeconfig targets");
    own = deployment.namespaces.map("shop-dev");
    otherTarget = deployment.namespaces.map("shop-review");
    runnerNamespace = deployment.namespaces.map("gitlab-runner");
    jobNamespace = deployment.namespaces.map("ci-dev");
    started = Date.now();
    deployer = await deployerKubectl(own, "deployer-token", `${own}-deployer`);
  });

  after(() => {
    if (started) record("deploy access proof (token to last refusal)", Date.now() - started);
  });

  it("authenticates as the target's deployer ServiceAccount", async () => {
    const whoami = await deployer.json<{ status: { userInfo: { username: string } } }>(["auth", "whoami"]);
    assert.equal(whoami.status.userInfo.username, `system:serviceaccount:${own}:deployer`);
  });

  it("applies a Deployment in the application's namespace, and applies a change to it", async () => {
    const created = await applyAs(deployer, webDeployment(own));
    assert.equal(created.code, 0, created.stderr);
    const changed = await applyAs(deployer, webDeployment(own, "registry.test.invalid/shop/web:1.0.1"));
    assert.equal(changed.code, 0, changed.stderr);
    assert.match(changed.stdout, /deployment.apps\/web configured/);
  });

  it("may read everything rollout status watches: deployments, replicasets and pods (get, list, watch)", async () => {
    for (const resource of ["deployments.apps", "replicasets.apps", "pods"]) {
      for (const verb of ["get", "list", "watch"]) {
        assert.equal(await canI(deployer, [verb, resource, "-n", own]), "yes", `${verb} ${resource}`);
      }
    }
  });

  it("watches the rollout: rollout status reports progress and waits (no nodes, so it never completes)", async () => {
    const snapshot = await deployer.run(["rollout", "status", "deployment/web", "-n", own, "--watch=false"]);
    assert.equal(snapshot.code, 0, snapshot.stderr);
    assert.match(snapshot.stdout, /Waiting for deployment "web" rollout to finish/);
    const watched = await deployer.run(["rollout", "status", "deployment/web", "-n", own, "--timeout=2s"]);
    assert.doesNotMatch(watched.stderr, /forbidden/i);
    assert.match(watched.stderr, /timed out waiting for the condition/);
  });

  it("is refused in every other namespace: the other deploy target, the job and the runner namespaces", async () => {
    for (const namespace of [otherTarget, jobNamespace, runnerNamespace, "default"]) {
      const result = await applyAs(deployer, webDeployment(namespace));
      assert.notEqual(result.code, 0, `applied a Deployment in ${namespace}`);
      assert.match(result.stderr, /forbidden/i, namespace);
      assert.equal(await canI(deployer, ["get", "pods", "-n", namespace]), "no", namespace);
    }
  });

  it("is refused the runner namespace's Secrets (the runner token, the registry credential)", async () => {
    const result = await deployer.run(["get", "secrets", "-n", runnerNamespace]);
    assert.match(result.stderr, /forbidden/i);
    for (const verb of ["get", "list", "watch"]) {
      assert.equal(await canI(deployer, [verb, "secrets", "-n", runnerNamespace]), "no", verb);
      assert.equal(await canI(deployer, [verb, "secrets", "-n", jobNamespace]), "no", verb);
    }
  });

  it("is refused cluster-wide, and cannot widen its own access", async () => {
    assert.match((await deployer.run(["get", "namespaces"])).stderr, /forbidden/i);
    assert.match((await deployer.run(["get", "deployments", "--all-namespaces"])).stderr, /forbidden/i);
    const never = [
      ["create", "clusterrolebindings"],
      ["create", "namespaces"],
      ["create", "roles", "-n", own],
      ["create", "rolebindings", "-n", own],
      ["create", "serviceaccounts", "--subresource=token", "-n", own],
      ["impersonate", "serviceaccounts", "-n", own],
      ["create", "pods", "--subresource=exec", "-n", own],
    ];
    for (const args of never) assert.equal(await canI(deployer, args), "no", args.join(" "));
  });
});
