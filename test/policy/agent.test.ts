import * as assert from "node:assert/strict";
import { stringify } from "yaml";
import { agentBindingsApplicationNamespaces, agentImpersonationWithinTable } from "../../policy/rules/agent";
import { agentCiAccessKnownProjects } from "../../policy/rules/agent-config";
import { rbacNoClusterWideBindings, rbacNoEscalationVerbs } from "../../policy/rules/rbac";
import { RULES } from "../../policy/rules";
import { assertFlags, assertPasses, violations } from "./check";
import {
  AGENT,
  agentClusterRole,
  agentClusterRoleBinding,
  agentConfigFile,
  agentTarget,
  passingAgentStack,
} from "./agent-fixtures";
import { replace, resourceWith } from "./fixtures";
import { view } from "./fixture-base";
import { UNKNOWN } from "../../policy/view";

const AGENT_RULES = [
  agentImpersonationWithinTable,
  agentBindingsApplicationNamespaces,
  agentCiAccessKnownProjects,
];
const ROLE = "agent-impersonate";

describe("policy: the GitLab agent", () => {
  it("the platform's agent stack passes every rule of the pack", () => {
    for (const rule of RULES) assertPasses(rule, passingAgentStack());
  });

  it("the RBAC rules leave agentk's impersonation ClusterRole and its binding to the agent rule", () => {
    assertPasses(rbacNoEscalationVerbs, [agentClusterRole()]);
    assertPasses(rbacNoClusterWideBindings, [agentClusterRoleBinding()]);
  });

  describe("agent-impersonation-within-table", () => {
    it("a verb besides impersonate is flagged (and the escalation rule flags what the table does not list)", () => {
      const role = resourceWith(agentClusterRole(), "rules.0.verbs", ["impersonate", "create"]);
      assertFlags(agentImpersonationWithinTable, [role], {
        resource: ROLE,
        mentions: /impersonate, create on users/,
      });
      assertFlags(rbacNoEscalationVerbs, [role], { resource: ROLE, mentions: /"impersonate"/ });
    });

    for (const resource of ["serviceaccounts", "uids", "secrets"]) {
      it(`impersonating or touching ${resource} is flagged`, () => {
        const role = resourceWith(agentClusterRole(), "rules.0.resources", ["users", resource]);
        assertFlags(agentImpersonationWithinTable, [role], {
          resource: ROLE,
          mentions: new RegExp(resource),
        });
      });
    }

    it("groups with no resourceNames, or a Kubernetes group among them, are flagged", () => {
      const any = resourceWith(agentClusterRole(), "rules.1.resourceNames", undefined);
      assertFlags(agentImpersonationWithinTable, [any], { resource: ROLE, mentions: /\(any group\)/ });
      const masters = resourceWith(agentClusterRole(), "rules.1.resourceNames", [
        "gitlab:ci_job",
        "system:masters",
      ]);
      assertFlags(agentImpersonationWithinTable, [masters], { resource: ROLE, mentions: /system:masters/ });
    });

    it("an extra key the agent server does not send is flagged", () => {
      const role = resourceWith(agentClusterRole(), "rules.2.resources", ["userextras/scopes"]);
      assertFlags(agentImpersonationWithinTable, [role], { resource: ROLE, mentions: /userextras\/scopes/ });
    });

    it("a namespaced Role for agentk is flagged: it needs none", () => {
      const role = view("kubernetes:rbac.authorization.k8s.io/v1:Role", "agent-role", {
        metadata: {
          name: "agentk",
          namespace: "gitlab-agent",
          labels: { "app.kubernetes.io/component": "gitlab-agent" },
        },
        rules: [{ apiGroups: [""], resources: ["secrets"], verbs: ["get"] }],
      });
      assertFlags(agentImpersonationWithinTable, [role], {
        resource: "agent-role",
        mentions: /no namespaced permission/,
      });
    });

    it("the binding must name agentk's impersonation ClusterRole and its ServiceAccount alone", () => {
      const admin = resourceWith(agentClusterRoleBinding(), "roleRef.name", "cluster-admin");
      assertFlags(agentImpersonationWithinTable, [admin], {
        resource: "agent-impersonate-binding",
        mentions: /"cluster-admin"/,
      });
      assertFlags(rbacNoClusterWideBindings, [admin], {
        resource: "agent-impersonate-binding",
        mentions: /cluster-wide/,
      });
      const group = resourceWith(agentClusterRoleBinding(), "subjects.1", {
        kind: "Group",
        name: "system:authenticated",
      });
      assertFlags(agentImpersonationWithinTable, [group], {
        resource: "agent-impersonate-binding",
        mentions: /system:authenticated/,
      });
    });

    it("the binding to any other ServiceAccount, or to agentk of another namespace, is flagged", () => {
      for (const subject of [
        { kind: "ServiceAccount", name: "default", namespace: "ci-build" },
        { kind: "ServiceAccount", name: "agentk", namespace: "ci-build" },
      ]) {
        const binding = resourceWith(agentClusterRoleBinding(), "subjects", [subject]);
        assertFlags(agentImpersonationWithinTable, [binding], {
          resource: "agent-impersonate-binding",
          mentions: /agentk in gitlab-agent\): whoever holds it may impersonate any user name/,
        });
      }
      const otherRole = resourceWith(agentClusterRoleBinding(), "roleRef.name", "evil:impersonate");
      assertFlags(agentImpersonationWithinTable, [otherRole], {
        resource: "agent-impersonate-binding",
        mentions: /"evil:impersonate"/,
      });
    });

    it("rules unknown at preview are reported as could not check", () => {
      const role = resourceWith(agentClusterRole(), "rules", UNKNOWN);
      assertFlags(agentImpersonationWithinTable, [role], {
        resource: ROLE,
        mentions: /not known yet/,
        couldNotCheck: true,
      });
    });
  });

  describe("agent-bindings-application-namespaces", () => {
    const [, devBinding] = agentTarget("dev");
    const stack = passingAgentStack();

    it("a job group bound cluster-wide is flagged", () => {
      const crb = view("kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding", "jobs-view", {
        roleRef: { kind: "ClusterRole", name: "view" },
        subjects: [{ kind: "Group", name: "gitlab:ci_job" }],
      });
      assertFlags(agentBindingsApplicationNamespaces, [...stack, crb], {
        resource: "jobs-view",
        mentions: /cluster-wide/,
      });
    });

    it("a job group bound to a ClusterRole is flagged", () => {
      const binding = resourceWith(devBinding, "roleRef", { kind: "ClusterRole", name: "edit" });
      assertFlags(agentBindingsApplicationNamespaces, replace(stack, binding), {
        resource: devBinding.name,
        mentions: /ClusterRole/,
      });
    });

    it("a job group bound in a runner or job namespace is flagged", () => {
      for (const ns of ["gitlab-runner", "ci-build"]) {
        const binding = resourceWith(devBinding, "metadata.namespace", ns);
        assertFlags(agentBindingsApplicationNamespaces, replace(stack, binding), {
          resource: devBinding.name,
          mentions: new RegExp(`"${ns}"`),
        });
      }
    });

    it("an application namespace binds only its own environment's group: any broader or other job group is flagged", () => {
      for (const group of [
        "gitlab:ci_job",
        "gitlab:project:7",
        "gitlab:group:3",
        "gitlab:project_env_tier:7:development",
        "gitlab:project_env:7:staging",
      ]) {
        const binding = resourceWith(devBinding, "subjects.0.name", group);
        assertFlags(agentBindingsApplicationNamespaces, replace(stack, binding), {
          resource: devBinding.name,
          mentions: /bind only its own gitlab:project_env:<project id>:dev/,
        });
      }
    });

    it("a job group bound in an application namespace the agent does not serve is flagged", () => {
      const namespace = resourceWith(
        stack.find((r) => r.name === "ns-inventory-dev")!,
        "metadata.annotations",
        {},
      );
      assertFlags(agentBindingsApplicationNamespaces, replace(stack, namespace), {
        resource: devBinding.name,
        mentions: /a namespace the agent does not serve/,
      });
    });

    it("a User subject is flagged where agentk could become it", () => {
      const binding = resourceWith(devBinding, "subjects.0", { kind: "User", name: "gitlab:ci_job:1" });
      assertFlags(agentBindingsApplicationNamespaces, replace(stack, binding), {
        resource: devBinding.name,
        mentions: /any user name/,
      });
    });
  });

  describe("agent-ci-access-known-projects", () => {
    const withFile = (config: unknown) => replace(passingAgentStack(), agentConfigFile(stringify(config)));
    const project = { id: "platform/inventory", access_as: { ci_job: {} }, environments: ["dev", "staging"] };

    it("a project the stack serves no application of is flagged", () => {
      const stack = withFile({ ci_access: { projects: [project, { ...project, id: "platform/payments" }] } });
      assertFlags(agentCiAccessKnownProjects, stack, {
        resource: "agent-config",
        mentions: /platform\/payments/,
      });
    });

    it("an environment the stack does not serve, or none listed, is flagged", () => {
      for (const environments of [["dev", "production"], undefined]) {
        const stack = withFile({ ci_access: { projects: [{ ...project, environments }] } });
        assertFlags(agentCiAccessKnownProjects, stack, {
          resource: "agent-config",
          mentions: /environments the stack serves: dev, staging/,
        });
      }
    });

    it("access as agentk itself, or as a static identity, is flagged", () => {
      for (const accessAs of [
        undefined,
        { agent: {} },
        { impersonate: { username: "system:kube-controller-manager" } },
      ]) {
        const stack = withFile({ ci_access: { projects: [{ ...project, access_as: accessAs }] } });
        assertFlags(agentCiAccessKnownProjects, stack, {
          resource: "agent-config",
          mentions: /access_as: \{ci_job: \{\}\}/,
        });
      }
    });

    it("whole groups, and any other key (user_access, gitops), are flagged", () => {
      const groups = withFile({ ci_access: { projects: [project], groups: [{ id: "platform" }] } });
      assertFlags(agentCiAccessKnownProjects, groups, { resource: "agent-config", mentions: /whole groups/ });
      const users = withFile({
        ci_access: { projects: [project] },
        user_access: { access_as: { agent: {} } },
      });
      assertFlags(agentCiAccessKnownProjects, users, { resource: "agent-config", mentions: /user_access/ });
    });

    it("its own configuration project must be listed, impersonated: GitLab lets its jobs act as agentk otherwise", () => {
      const unlisted = withFile({ ci_access: { projects: [project] } });
      assertFlags(agentCiAccessKnownProjects, unlisted, {
        resource: "agent-config",
        mentions: /does not list its own project platform\/k8s-agents/,
      });
      const own = { id: "platform/k8s-agents", access_as: { ci_job: {} } };
      assert.deepEqual(
        violations(agentCiAccessKnownProjects, withFile({ ci_access: { projects: [project, own] } })),
        [],
      );
      const asAgent = withFile({ ci_access: { projects: [project, { ...own, access_as: { agent: {} } }] } });
      assertFlags(agentCiAccessKnownProjects, asAgent, {
        resource: "agent-config",
        mentions: /platform\/k8s-agents's jobs act as .*access_as: \{ci_job: \{\}\}/,
      });
    });

    it("content unknown at preview is reported as could not check", () => {
      const file = resourceWith(agentConfigFile(), "content", UNKNOWN);
      assertFlags(agentCiAccessKnownProjects, replace(passingAgentStack(), file), {
        resource: "agent-config",
        mentions: /not known yet/,
        couldNotCheck: true,
      });
    });

    it("the file the platform renders for its agent passes", () => {
      assert.deepEqual(violations(agentCiAccessKnownProjects, passingAgentStack()), []);
      assert.equal(AGENT.authorisations.length, 1);
    });
  });

  it("each agent rule is mandatory in dev and prod", () => {
    for (const rule of AGENT_RULES)
      assert.deepEqual(rule.enforcement, { dev: "mandatory", prod: "mandatory" });
  });
});
