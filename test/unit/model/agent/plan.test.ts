import { strict as assert } from "node:assert";
import {
  agentkDeploymentSpec,
  agentkNetworkPolicySpec,
  planAgent,
  type AgentSpec,
} from "../../../../model/agent";
import { agentSpec } from "../../../helpers/agent-spec";

const AGENT_SPEC: AgentSpec = agentSpec({
  authorisations: [{ project: "platform/inventory", environments: ["dev"] }],
});

type Container = {
  args: string[];
  env: { name: string; value?: string }[];
  securityContext: Record<string, unknown>;
  volumeMounts: { mountPath: string }[];
};

const containerOf = (spec: AgentSpec) =>
  (agentkDeploymentSpec(planAgent(spec)).template as unknown as { spec: { containers: Container[] } }).spec
    .containers[0];

describe("planAgent: the agent's objects", () => {
  it("the kubecontext jobs select is <config project>:<agent name>", () => {
    assert.equal(planAgent(AGENT_SPEC).context, "platform/k8s-agents:dev-cluster");
  });

  it("a token rotation renames the token in GitLab and its Secret, so both are replaced", () => {
    const plain = planAgent(AGENT_SPEC).names;
    const rotated = planAgent({ ...AGENT_SPEC, tokenRotation: "2026 Q4" }).names;
    assert.equal(rotated.tokenSecret, "agentk-token-2026-q4");
    assert.equal(rotated.gitlabToken, "dev-cluster-agentk-2026-q4");
    assert.notEqual(plain.tokenSecret, rotated.tokenSecret);
  });

  it("agentk reads its token from the mounted Secret: a file path in its arguments, no value in its environment", () => {
    const container = containerOf(AGENT_SPEC);
    assert.ok(container.args.includes("--token-file=/etc/agentk/secrets/token"));
    assert.ok(container.volumeMounts.some((m) => m.mountPath === "/etc/agentk/secrets"));
    assert.ok(container.env.every((e) => e.value === undefined));
  });

  it("trusts the agent server's private CA only when one is given", () => {
    assert.ok(!containerOf(AGENT_SPEC).args.some((a) => a.startsWith("--kas-ca-cert-file")));
    const withCa = containerOf({ ...AGENT_SPEC, kasCaCert: "-----BEGIN CERTIFICATE-----\n" });
    assert.ok(withCa.args.includes("--kas-ca-cert-file=/etc/agentk/kas-ca/ca.crt"));
  });

  it("runs as Pod Security restricted requires, with a read-only root filesystem", () => {
    const context = containerOf(AGENT_SPEC).securityContext;
    assert.equal(context.allowPrivilegeEscalation, false);
    assert.equal(context.readOnlyRootFilesystem, true);
    assert.deepEqual(context.capabilities, { drop: ["ALL"] });
  });

  it("may connect to DNS, the agent server's port and the API server's, and accepts no connection", () => {
    const policy = agentkNetworkPolicySpec(
      planAgent({ ...AGENT_SPEC, kasAddress: "grpcs://kas.example.com:8150" }),
    );
    assert.deepEqual(policy.ingress, []);
    const ports = (policy.egress as { ports: { port: number; protocol: string }[] }[]).flatMap((rule) =>
      rule.ports.map((p) => `${p.port}/${p.protocol}`),
    );
    assert.deepEqual(ports, ["53/UDP", "53/TCP", "443/TCP", "6443/TCP", "8150/TCP"]);
  });

  it("refuses an address agentk does not dial", () => {
    assert.throws(
      () => planAgent({ ...AGENT_SPEC, kasAddress: "https://gitlab.example.com" }),
      /not a KAS address/,
    );
  });
});
