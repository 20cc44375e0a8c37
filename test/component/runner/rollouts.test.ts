import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { RunnerFleet } from "../../../components/runner";
import { tokenSecret } from "../../../components/runner/credentials";
import { gitlabProvider } from "../../../components/gitlab/gitlab-provider";
import { MANAGER_COMMAND, credentialsChecksum, planFleet, requireRunnerToken } from "../../../model/fleet";
import type { RecordedResource } from "../../../tools/synth/engine";
import { isSecretValue } from "../../../tools/synth/engine";
import { fleetArgs, fleetConfig } from "../../helpers/fleet";
import { one, recordResources } from "../../helpers/run-component";
import type { RunnerFleetArgs } from "../../../components/runner";

const STATEFUL_SET = "kubernetes:apps/v1:StatefulSet";
const CHECKSUM = "gitlab-ci-platform/credentials-checksum";
const S3 = { cache: { type: "s3", serverAddress: "s3.example.com", bucketName: "cache" } };
const KEYS = { accessKey: "AKIAEXAMPLEKEY", secretKey: "super-secret-key" };
const s3Keys = (keys: typeof KEYS) => ({
  credentials: { cacheS3AccessKey: keys.accessKey, cacheS3SecretKey: keys.secretKey },
});

async function fleet(values: Record<string, unknown>, extra: Partial<RunnerFleetArgs> = {}) {
  return recordResources(() => {
    const provider = gitlabProvider("gitlab", { url: "https://gitlab.example.com", token: "glpat-x" });
    const config = fleetConfig(values);
    new RunnerFleet(config.name, fleetArgs(config, extra), { provider });
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- recorded Kubernetes inputs are free-form
const template = (rs: RecordedResource[]) => (one(rs, STATEFUL_SET).inputs as any).spec.template;

describe("what rolls the managers, and what does not", function () {
  this.timeout(20000);

  it("rotating the cache keys rolls the managers (a checksum on the pod template), and the checksum is no secret", async () => {
    const before = template(await fleet(S3, s3Keys(KEYS)));
    const after = template(await fleet(S3, s3Keys({ ...KEYS, secretKey: "rotated-key" })));
    const sum = before.metadata.annotations[CHECKSUM];
    assert.equal(typeof sum, "string", "a plain string, not a secret");
    assert.ok(!isSecretValue(sum));
    assert.equal(sum, credentialsChecksum("k8s", [KEYS.accessKey, KEYS.secretKey]));
    assert.notEqual(after.metadata.annotations[CHECKSUM], sum);
    assert.ok(!JSON.stringify(before).includes(KEYS.secretKey));
  });

  it("a config.toml change with the same keys leaves the checksum and the whole pod template alone", async () => {
    const before = template(await fleet(S3, s3Keys(KEYS)));
    const after = template(await fleet({ ...S3, concurrent: 7 }, s3Keys(KEYS)));
    assert.deepEqual(after, before);
  });

  it("nothing sends SIGTERM to a runner with jobs: every stop goes through the entrypoint, within the grace period", async () => {
    const rs = await fleet({ maximumTimeout: 7200 });
    const spec = template(rs).spec;
    const runner = spec.containers[0];
    // Rollouts, rotations, drains and deletion all stop the pod the same way: SIGTERM to dumb-init, which hands
    // it to the entrypoint alone; the entrypoint turns it into SIGQUIT (proven in manager-process.test.ts).
    assert.deepEqual(runner.command, MANAGER_COMMAND);
    assert.equal(runner.lifecycle, undefined, "no preStop hook to be killed mid-drain");
    assert.ok(spec.terminationGracePeriodSeconds >= 7200, "the grace period covers the longest job");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- recorded Kubernetes inputs are free-form
    const pdb = one(rs, "kubernetes:policy/v1:PodDisruptionBudget").inputs as any;
    assert.equal(pdb.spec.maxUnavailable, 1, "a node drain evicts one manager at a time");
  });

  it("a fleet without cache keys carries no checksum", async () => {
    assert.equal(template(await fleet({})).metadata.annotations[CHECKSUM], undefined);
  });
});

async function unhandledRejectionsDuring(run: () => Promise<RecordedResource[]>) {
  const others = process.listeners("unhandledRejection");
  process.removeAllListeners("unhandledRejection");
  const errors: string[] = [];
  process.on("unhandledRejection", (e) => errors.push(String(e)));
  try {
    const resources = await run();
    await new Promise((r) => setTimeout(r, 50));
    return { resources, errors };
  } finally {
    process.removeAllListeners("unhandledRejection");
    for (const l of others) process.on("unhandledRejection", l);
  }
}

describe("a fleet without a runner token", function () {
  this.timeout(20000);

  it("is refused: the deployment fails naming the fleet and the fix, and no token Secret is created", async () => {
    const plan = planFleet(fleetConfig(), {
      stack: "test",
      gitlab: { url: "https://gitlab.example.com" },
      managerNamespace: "gitlab-runner",
      hostAliases: [],
      runnerImage: { repository: "registry.gitlab.com/gitlab-org/gitlab-runner", version: "v19.3.0" },
      credentials: [],
    });
    // Pulumi's language host fails the run on an unhandled rejection; the mock runtime only reports it.
    const failures = await unhandledRejectionsDuring(() =>
      recordResources(() => {
        const parent = new pulumi.ComponentResource("test:index:Parent", "k8s");
        tokenSecret({ name: "k8s", parent, plan }, pulumi.secret(pulumi.output("")));
      }),
    );
    assert.ok(failures.resources.every((r) => r.type !== "kubernetes:core/v1:Secret"));
    assert.ok(failures.errors.length > 0);
    for (const e of failures.errors)
      assert.match(e, /fleet k8s: GitLab returned no authentication token .*tokenRotation/);
  });

  it("a token is passed through unchanged", () => {
    assert.equal(requireRunnerToken("k8s", "glrt-abc"), "glrt-abc");
    assert.throws(() => requireRunnerToken("k8s", undefined), /fleet k8s/);
  });
});
