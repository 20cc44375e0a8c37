import { strict as assert } from "node:assert";
import { agentContext, ciJobIdentity } from "../../model/agent";
import { loadStackFile } from "../helpers/stack-file";
import { agentKubeconfig, agentToken, deployedAgent } from "./harness/agent";
import { cluster, startControllerManager } from "./harness/cluster";
import { deployStack } from "./harness/deploy";
import { markPodsReady } from "./harness/ready-pods";
import { record } from "./harness/timings";
import { runJobs, type ScratchRepo } from "../helpers/gitlab-ci-local";
import { deployJobRepo, requireRsync } from "./harness/deploy-job";

const IMAGE_REF = `registry.test.invalid/inventory/inventory@sha256:${"ef".repeat(32)}`;

/**
 * The agent example's deploy job, run by gitlab-ci-local's shell executor with kubectl on the PATH and the KUBECONFIG
 * GitLab gives a job the agent admits: a context named `<config project>:<agent>`, not the current one, that reaches
 * the API server as agentk impersonating the job. (The agent server and agentk's tunnel are what this replaces: the
 * API server sees the same token and impersonation headers.)
 */
describe("example pipeline through the GitLab agent: the dev deploy job of platform/inventory against a real API server", function () {
  let repo: ScratchRepo;
  let own = "";
  let other = "";
  let env: NodeJS.ProcessEnv;

  before(async function () {
    requireRsync(this);
    await startControllerManager();
    const deployment = await deployStack("dev", "pipeline");
    own = deployment.namespaces.map("inventory-dev");
    other = deployment.namespaces.map("shop-dev");
    const agent = deployedAgent(deployment, own);
    const settings = loadStackFile("dev").gitlabSide.agent!;
    const identity = ciJobIdentity({
      jobId: 501,
      pipelineId: 77,
      username: "alice",
      projectId: agent.projectId,
      groupIds: agent.groupIds,
      environment: { slug: "dev", tier: "development" },
      agentId: 7,
      configProjectId: 8,
    });
    const context = agentContext(settings.configProject, settings.name);
    const kubeconfig = agentKubeconfig(await agentToken(agent), identity, context, false);
    ({ repo, env } = deployJobRepo("examples/dev-agent/.gitlab-ci.yml", kubeconfig));
  });

  after(() => repo?.remove());

  // The example names the stack's namespace; this cluster's copy of the stack is renamed.
  const variables = (extra: Record<string, string> = {}) => ({ IMAGE_REF, DEPLOY_NAMESPACE: own, ...extra });

  it("selects the agent's kubecontext, applies the manifests with the built image and waits for the rollout", async () => {
    const kubelet = markPodsReady(own);
    const started = Date.now();
    const run = await runJobs(repo, ["deploy-dev"], { env, variables: variables() }).finally(() =>
      kubelet.stop(),
    );
    record("example deploy job through the agent (gitlab-ci-local)", Date.now() - started);
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /Switched to context "platform\/k8s-agents:dev-cluster"/);
    assert.match(run.output, /deployment "shop" successfully rolled out/);
    const shop = await cluster().kubectl.json<{
      spec: { template: { spec: { containers: { image: string }[] } } };
    }>(["get", "deployment", "shop", "-n", own]);
    assert.equal(shop.spec.template.spec.containers[0].image, IMAGE_REF);
  });

  it("is refused in another application's namespace, with the error in the job log", async () => {
    const run = await runJobs(repo, ["deploy-dev"], {
      env,
      variables: variables({ DEPLOY_NAMESPACE: other }),
    });
    assert.notEqual(run.code, 0, run.output);
    assert.match(run.output, /forbidden/i);
  });

  it("without a namespace the job stops before it applies anything, saying why", async () => {
    const run = await runJobs(repo, ["deploy-dev"], { env, variables: variables({ DEPLOY_NAMESPACE: "" }) });
    assert.notEqual(run.code, 0, run.output);
    assert.match(run.output, /namespace is required with agent_context/);
  });
});
