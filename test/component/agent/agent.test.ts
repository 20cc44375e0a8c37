import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { AgentK, AgentRegistration, AuthorisedProjects, ancestorGroups } from "../../../components/agent";
import { gitlabProvider } from "../../../components/gitlab/gitlab-provider";
import { agentImpersonationRules, environmentSlugsByProject, type AgentSpec } from "../../../model/agent";
import { isSecretValue, type RecordedResource } from "../../../tools/synth/engine";
import { stableNumber } from "../../../tools/synth/mock-outputs";
import { agentSpec } from "../../helpers/agent-spec";
import { ofType, one, recordResources, inputs } from "../../helpers/run-component";

const T = {
  namespace: "kubernetes:core/v1:Namespace",
  secret: "kubernetes:core/v1:Secret",
  configMap: "kubernetes:core/v1:ConfigMap",
  deployment: "kubernetes:apps/v1:Deployment",
  clusterRole: "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole",
  clusterRoleBinding: "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding",
  role: "kubernetes:rbac.authorization.k8s.io/v1:Role",
  roleBinding: "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
  netpol: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
  pdb: "kubernetes:policy/v1:PodDisruptionBudget",
  agent: "gitlab:index/clusterAgent:ClusterAgent",
  token: "gitlab:index/clusterAgentToken:ClusterAgentToken",
  file: "gitlab:index/repositoryFile:RepositoryFile",
};

const SPEC: AgentSpec = agentSpec({
  kasCaCert: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
  authorisations: [
    { project: "platform/team/inventory", environments: ["dev"] },
    { project: "platform/team/inventory", environments: ["staging"] },
  ],
});

describe("the GitLab agent's components", function () {
  this.timeout(20000);
  let rs: RecordedResource[];
  let tokenSecret = false;
  before(async () => {
    rs = await recordResources(() => {
      const gitlab = gitlabProvider("gitlab", { url: "https://gitlab.example.com", token: "glpat-x" });
      const projects = new AuthorisedProjects(gitlab);
      const registration = new AgentRegistration(
        "agent",
        { agent: SPEC, branch: projects.defaultBranch(SPEC.configProject) },
        { provider: gitlab },
      );
      void pulumi.isSecret(registration.token).then((s) => (tokenSecret = s));
      new AgentK("agent", {
        agent: SPEC,
        token: registration.token,
        projects: projects.resolve(environmentSlugsByProject(SPEC.authorisations)),
      });
    });
  });

  describe("AgentRegistration (GitLab)", () => {
    it("registers the agent in its configuration project under its name, with the component's GitLab provider", () => {
      const agent = one(rs, T.agent);
      assert.deepEqual([inputs(agent).project, inputs(agent).name], ["platform/k8s-agents", "dev-cluster"]);
      assert.equal(agent.options.version, "10.1.1");
      for (const type of [T.agent, T.token, T.file])
        assert.match(one(rs, type).provider ?? "", /pulumi:providers:gitlab::gitlab::/, type);
    });

    it("creates the token for that agent, listed as a secret output, and hands it on as a Pulumi secret", () => {
      const token = one(rs, T.token);
      assert.equal(inputs(token).agentId, stableNumber("agent:agent-agent"));
      assert.deepEqual(token.options.additionalSecretOutputs, ["token"]);
      assert.equal(tokenSecret, true);
    });

    it("commits .gitlab/agents/<name>/config.yaml to the project's default branch, as the model renders it", () => {
      const file = inputs(one(rs, T.file));
      assert.deepEqual(
        [file.project, file.branch, file.filePath, file.encoding],
        ["platform/k8s-agents", "main", ".gitlab/agents/dev-cluster/config.yaml", "text"],
      );
      assert.match(
        file.content,
        /- id: platform\/team\/inventory\n {6}access_as:\n {8}ci_job: \{\}\n {6}environments:\n {8}- dev\n {8}- staging\n/,
      );
    });
  });

  describe("AgentK (cluster)", () => {
    it("runs in a namespace of its own that enforces Pod Security restricted", () => {
      const ns = inputs(one(rs, T.namespace));
      assert.equal(ns.metadata.name, "gitlab-agent");
      assert.equal(ns.metadata.labels["pod-security.kubernetes.io/enforce"], "restricted");
    });

    it("keeps the token in a Secret, secret in state, which the Deployment mounts as a file; never in an env value or a ConfigMap", () => {
      const secret = inputs(one(rs, T.secret));
      // The whole stringData is secret once a value in it is.
      assert.ok(isSecretValue(secret.stringData));
      const pod = inputs(one(rs, T.deployment)).spec.template.spec;
      assert.equal(pod.volumes[0].secret.secretName, secret.metadata.name);
      const container = pod.containers[0];
      assert.ok(container.env.every((e: { value?: string }) => e.value === undefined));
      const configMaps = ofType(rs, T.configMap).map((c) => JSON.stringify(inputs(c)));
      assert.ok(configMaps.every((c) => !c.includes("glagent")));
    });

    it("trusts the private CA of the agent server from a ConfigMap", () => {
      const ca = inputs(one(rs, T.configMap));
      assert.match(ca.data["ca.crt"], /BEGIN CERTIFICATE/);
      const container = inputs(one(rs, T.deployment)).spec.template.spec.containers[0];
      assert.ok(container.args.includes("--kas-ca-cert-file=/etc/agentk/kas-ca/ca.crt"));
    });

    it("may impersonate exactly the groups of the authorised projects' jobs, with their looked-up ids", () => {
      const projectId = stableNumber("project:platform/team/inventory");
      const groupIds = ancestorGroups("platform/team/inventory").map((g) => stableNumber(`group:${g}`));
      const expected = agentImpersonationRules([
        { projectId, groupIds, environmentSlugs: ["dev", "staging"] },
      ]);
      assert.deepEqual(inputs(one(rs, T.clusterRole)).rules, expected);
    });

    it("binds that ClusterRole to its ServiceAccount only, and holds no other Role or binding", () => {
      const binding = inputs(one(rs, T.clusterRoleBinding));
      assert.deepEqual(binding.subjects, [
        { kind: "ServiceAccount", name: "agentk", namespace: "gitlab-agent" },
      ]);
      assert.equal(binding.roleRef.name, inputs(one(rs, T.clusterRole)).metadata.name);
      assert.deepEqual([...ofType(rs, T.role), ...ofType(rs, T.roleBinding)], []);
    });

    it("has a PodDisruptionBudget that never blocks a drain, and a NetworkPolicy that admits no connection", () => {
      assert.equal(inputs(one(rs, T.pdb)).spec.maxUnavailable, 1);
      assert.deepEqual(inputs(one(rs, T.netpol)).spec.ingress, []);
    });

    it("waits for its Secret, CA and ClusterRoleBinding before the Deployment starts", () => {
      const deployment = one(rs, T.deployment);
      for (const type of [T.secret, T.configMap, T.clusterRoleBinding])
        assert.ok(deployment.dependencies.includes(one(rs, type).urn), type);
    });
  });
});
