import { strict as assert } from "node:assert";
import { PROJECT } from "../../../config";
import type { Lifecycle } from "../harness/lifecycle";
import { plannedChanges, resourceNamed } from "../harness/state";

const TOKEN = "gitlab:index/clusterAgentToken:ClusterAgentToken";
const SECRET = "kubernetes:core/v1:Secret";
const DEPLOYMENT = "kubernetes:apps/v1:Deployment";

type Metadata = { name: string; namespace: string };
const metadataOf = (outputs: unknown) => (outputs as { metadata: Metadata }).metadata;

/** The agent's token rotation, on a stack with an agent (dev). */
export function agentRotationSteps(lifecycle: () => Lifecycle): void {
  it("agent.tokenRotation: a new token in GitLab, a new Secret agentk reads (the old one deleted), agentk rolls", async () => {
    const l = lifecycle();
    const before = await l.stack.resources();
    const oldToken = resourceNamed(before, TOKEN, "agent-token");
    const oldSecret = metadataOf(resourceNamed(before, SECRET, "agent-token").outputs);

    l.stack.editConfig((c) => {
      const agent = c[`${PROJECT}:agent`] as { tokenRotation?: string };
      agent.tokenRotation = "2026-12";
    });
    const planned = plannedChanges(await l.stack.previewJson());
    for (const step of [
      "replace ClusterAgentToken agent-token",
      "replace Secret agent-token",
      "update Deployment agent-deployment",
    ])
      assert.ok(planned.includes(step), `${step} is not planned: ${planned.join(", ")}`);
    assert.deepEqual(
      planned.filter((p) => p.startsWith("replace ") && !/ agent-token$/.test(p)),
      [],
    );
    await l.stack.up();

    const after = await l.stack.resources();
    assert.notEqual(resourceNamed(after, TOKEN, "agent-token").id, oldToken.id, "the token was not replaced");
    const newSecret = metadataOf(resourceNamed(after, SECRET, "agent-token").outputs);
    assert.equal(newSecret.name, "agentk-token-2026-12");
    const gone = await l.kubectl.run(["get", "secret", oldSecret.name, "-n", oldSecret.namespace]);
    assert.match(gone.stderr, /not found/);
    const deployment = metadataOf(resourceNamed(after, DEPLOYMENT, "agent-deployment").outputs);
    const live = await l.kubectl.json<{
      spec: { template: { spec: { volumes: { secret?: { secretName: string } }[] } } };
    }>(["get", "deployment", deployment.name, "-n", deployment.namespace]);
    assert.ok(live.spec.template.spec.volumes.some((v) => v.secret?.secretName === newSecret.name));
  });
}
