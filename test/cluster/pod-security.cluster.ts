import { strict as assert } from "node:assert";
import { cluster } from "./harness/cluster";
import { Deployment, deployStack } from "./harness/deploy";
import { DeployedFleet, deployedFleets, serviceAccountUser } from "./harness/fleets";
import { jobPod } from "./harness/job-pod";
import { KubectlResult } from "./harness/kubectl";
import { clone, isRecord, KubeObject } from "./harness/objects";
import { stackNames } from "./harness/synth";

describe("job pods under their namespace's Pod Security level", () => {
  for (const stack of stackNames()) {
    describe(`stack ${stack}`, () => {
      let deployment: Deployment;
      let fleets: DeployedFleet[] = [];
      before(async () => {
        deployment = await deployStack(stack);
        fleets = deployedFleets(deployment);
      });

      it("a job pod built from each fleet's config.toml is admitted in its job namespace, created as its manager", async () => {
        for (const fleet of fleets) {
          const result = await createJobPod(fleet, jobPod(fleet.job, fleet.jobNamespace));
          assert.equal(result.code, 0, `${fleet.name}: ${result.stderr}`);
          if (enforcedLevel(deployment, fleet.jobNamespace) === "restricted") {
            assert.deepEqual(result.warnings, [], `${fleet.name}: job pod falls short of restricted`);
          }
        }
      });

      it("a privileged build container is refused in every job namespace not labelled privileged", async () => {
        for (const fleet of fleets.filter(
          (f) => enforcedLevel(deployment, f.jobNamespace) !== "privileged",
        )) {
          const result = await createJobPod(
            fleet,
            withPrivilegedBuild(jobPod(fleet.job, fleet.jobNamespace)),
          );
          assertRefusedByPodSecurity(result, fleet, "privileged");
        }
      });

      it("a hostPath volume is refused in every job namespace not labelled privileged", async () => {
        for (const fleet of fleets.filter(
          (f) => enforcedLevel(deployment, f.jobNamespace) !== "privileged",
        )) {
          const result = await createJobPod(fleet, withHostPath(jobPod(fleet.job, fleet.jobNamespace)));
          assertRefusedByPodSecurity(result, fleet, "hostPath");
        }
      });
    });
  }
});

function createJobPod(fleet: DeployedFleet, pod: KubeObject): Promise<KubectlResult> {
  return cluster().kubectl.dryRunCreate(
    pod,
    serviceAccountUser(fleet.managerNamespace, fleet.managerServiceAccount),
  );
}

function assertRefusedByPodSecurity(result: KubectlResult, fleet: DeployedFleet, what: string): void {
  assert.notEqual(result.code, 0, `${fleet.name}: a ${what} job pod was admitted in ${fleet.jobNamespace}`);
  assert.match(result.stderr, /violates PodSecurity/, `${fleet.name}: refused, but not by Pod Security`);
  assert.match(
    result.stderr,
    new RegExp(what),
    `${fleet.name}: refused for another reason: ${result.stderr}`,
  );
}

function enforcedLevel(deployment: Deployment, namespace: string): string | undefined {
  const ns = deployment.objects.find((o) => o.kind === "Namespace" && o.metadata.name === namespace);
  return ns?.metadata.labels?.["pod-security.kubernetes.io/enforce"];
}

function podSpec(pod: KubeObject): Record<string, unknown> {
  if (!isRecord(pod.spec)) throw new Error("pod without spec");
  return pod.spec;
}

function withPrivilegedBuild(pod: KubeObject): KubeObject {
  const changed = clone(pod);
  const containers = podSpec(changed).containers;
  const build = Array.isArray(containers)
    ? containers.find((c) => isRecord(c) && c.name === "build")
    : undefined;
  if (!isRecord(build)) throw new Error("job pod without a build container");
  // Validation refuses privileged with allowPrivilegeEscalation false before admission runs.
  const own = isRecord(build.securityContext) ? build.securityContext : {};
  build.securityContext = { ...own, privileged: true, allowPrivilegeEscalation: true };
  return changed;
}

function withHostPath(pod: KubeObject): KubeObject {
  const changed = clone(pod);
  const spec = podSpec(changed);
  const volumes = Array.isArray(spec.volumes) ? spec.volumes : [];
  spec.volumes = [...volumes, { name: "docker-sock", hostPath: { path: "/var/run/docker.sock" } }];
  return changed;
}
