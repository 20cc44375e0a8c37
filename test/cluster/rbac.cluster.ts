import { strict as assert } from "node:assert";
import { AccessCheck, can, describeCheck, extraRules, extraRulesAcross } from "./harness/access";
import { cluster } from "./harness/cluster";
import { deployStack } from "./harness/deploy";
import { DeployedFleet, deployedFleets, serviceAccountUser } from "./harness/fleets";
import { stackNames } from "./harness/synth";

// A namespace nothing is deployed to: rules there can only come from ClusterRoleBindings.
const UNRELATED = "cluster-test-unrelated";
const SYSTEM = ["default", "kube-system", "kube-public", UNRELATED];

const CLUSTER_WIDE: AccessCheck[] = [
  { verb: "list", resource: "pods" },
  { verb: "list", resource: "secrets" },
  { verb: "create", resource: "pods" },
  { verb: "list", resource: "namespaces" },
  { verb: "get", resource: "nodes" },
  { verb: "create", resource: "clusterrolebindings" },
];

describe("RBAC proven on the API server (SelfSubjectRulesReview, auth can-i as each ServiceAccount)", () => {
  for (const stack of stackNames()) {
    describe(`stack ${stack}`, () => {
      let fleets: DeployedFleet[] = [];
      let stackNamespaces: string[] = [];
      before(async () => {
        const deployment = await deployStack(stack);
        fleets = deployedFleets(deployment);
        stackNamespaces = deployment.namespaces.all();
      });

      it("each manager can create pods, pods/attach, pods/exec and secrets in its job namespace", async () => {
        for (const fleet of fleets) {
          const user = serviceAccountUser(fleet.managerNamespace, fleet.managerServiceAccount);
          const needed: AccessCheck[] = [
            { verb: "create", resource: "pods", namespace: fleet.jobNamespace },
            { verb: "create", resource: "pods", subresource: "attach", namespace: fleet.jobNamespace },
            { verb: "create", resource: "pods", subresource: "exec", namespace: fleet.jobNamespace },
            { verb: "create", resource: "secrets", namespace: fleet.jobNamespace },
          ];
          for (const check of needed) {
            assert.ok(
              await can(cluster().kubectl, user, check),
              `${fleet.name} manager cannot ${describeCheck(check)}`,
            );
          }
        }
      });

      it("each manager holds nothing in any other namespace and nothing cluster-wide", async () => {
        for (const fleet of fleets) {
          const user = serviceAccountUser(fleet.managerNamespace, fleet.managerServiceAccount);
          const elsewhere = [...stackNamespaces, ...SYSTEM].filter((ns) => ns !== fleet.jobNamespace);
          assert.deepEqual(
            await extraRulesAcross(cluster().kubectl, user, elsewhere),
            [],
            `${fleet.name} manager`,
          );
          await assertNothingClusterWide(user, `${fleet.name} manager`);
        }
      });

      it("each job ServiceAccount can do nothing, in its own namespace or anywhere else", async () => {
        for (const fleet of fleets) {
          const user = serviceAccountUser(fleet.jobNamespace, fleet.jobServiceAccount);
          const everywhere = [...stackNamespaces, ...SYSTEM];
          assert.deepEqual(
            await extraRulesAcross(cluster().kubectl, user, everywhere),
            [],
            `${fleet.name} jobs`,
          );
          await assertNothingClusterWide(user, `${fleet.name} jobs`);
        }
      });

      it("the rules review sees the managers' grants (the emptiness above is not an artefact)", async () => {
        const fleet = fleets[0];
        const user = serviceAccountUser(fleet.managerNamespace, fleet.managerServiceAccount);
        const rules = await extraRules(cluster().kubectl, user, fleet.jobNamespace);
        assert.ok(rules.includes("create core/pods"), rules.join("\n"));
      });
    });
  }
});

async function assertNothingClusterWide(user: string, who: string): Promise<void> {
  for (const check of CLUSTER_WIDE) {
    assert.equal(await can(cluster().kubectl, user, check), false, `${who} may ${describeCheck(check)}`);
  }
}
