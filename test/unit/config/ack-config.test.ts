import { strict as assert } from "node:assert";
import { ConfigValidationError, loadStackConfig } from "../../../config";
import { formatProblem } from "../../../model/problems";
import { fakeReader, validValues } from "../../helpers/config-reader";

type Values = Record<string, unknown>;
const P = "gitlab-ci-platform:";

const ACK = {
  name: "prod",
  type: "ackServerless",
  ackServerless: {
    region: "cn-hangzhou",
    assumeRole: { roleArn: "acs:ram::123456789012:role/gitlab-ci-platform-deployer" },
    network: { vpcCidr: "10.20.0.0/16", zones: ["cn-hangzhou-i"] },
  },
};

function onAck(fleet: Values, cluster: Values = ACK): Values {
  return { ...validValues(), cluster, fleets: [{ name: "k8s", tags: ["k8s"], ...fleet }] };
}

function problemsOf(values: Values): string[] {
  try {
    loadStackConfig(fakeReader(values, ["gitlabToken"]));
  } catch (err) {
    assert.ok(err instanceof ConfigValidationError, String(err));
    return err.problems.map(formatProblem);
  }
  return [];
}

function assertProblem(values: Values, path: string, fix: string) {
  const problems = problemsOf(values);
  const key = path.includes(":") ? path : `${P}${path}`;
  assert.ok(
    problems.some((p) => p.startsWith(`${key}:`) && p.includes(fix)),
    `expected a problem at ${path} with "${fix}", got:\n${problems.join("\n")}`,
  );
}

describe("ACK Serverless configuration", () => {
  it("deploy targets need no cluster.apiServer: the created cluster provides its endpoint", () => {
    const shop = { name: "shop", project: "shop/web", environments: [{ name: "production" }] };
    assert.deepEqual(problemsOf({ ...onAck({}), applications: [shop] }), []);
    assert.ok(
      problemsOf({ ...onAck({}, { name: "dev" }), applications: [shop] }).some((p) =>
        p.startsWith(`${P}cluster.apiServer:`),
      ),
      "an existing cluster still has to be named",
    );
  });

  it("accepts a cluster with a created network, NAS and OSS caches, and applies the defaults", () => {
    const cluster = { ...ACK, ackServerless: { ...ACK.ackServerless, oss: { bucketName: "ci-cache-prod" } } };
    const config = loadStackConfig(
      fakeReader(
        {
          ...validValues(),
          cluster,
          fleets: [
            { name: "a", cache: { type: "nas" }, eci: { spot: true } },
            { name: "b", cache: { type: "oss", shared: true }, kubernetes: { namespace: "ci-b" } },
          ],
        },
        ["gitlabToken"],
      ),
    );
    const ack = config.cluster.ackServerless;
    assert.equal(ack?.clusterSpec, "ack.pro.small");
    assert.equal(ack?.deletionProtection, true);
    assert.equal(ack?.nas.path, "/");
    assert.equal(ack?.oss?.expireDays, 30);
    assert.equal(config.fleets[0].eci.spot, true);
  });

  it("keeps an existing cluster the default", () => {
    const config = loadStackConfig(fakeReader(validValues(), ["gitlabToken"]));
    assert.equal(config.cluster.type, "existing");
  });

  const cases: { name: string; values: Values; path: string; fix: string }[] = [
    {
      name: "ackServerless without its settings",
      values: onAck({}, { type: "ackServerless" }),
      path: "cluster.ackServerless",
      fix: "set region and network",
    },
    {
      name: "settings on an existing cluster",
      values: onAck({}, { ackServerless: ACK.ackServerless }),
      path: "cluster.ackServerless",
      fix: "set cluster.type: ackServerless",
    },
    {
      name: "a cluster without the role every run assumes",
      values: onAck({}, { ...ACK, ackServerless: { ...ACK.ackServerless, assumeRole: undefined } }),
      path: "cluster.ackServerless.assumeRole",
      fix: "add it; it must name the RAM role every run assumes",
    },
    {
      name: "a role that is not a RAM role ARN",
      values: onAck(
        {},
        { ...ACK, ackServerless: { ...ACK.ackServerless, assumeRole: { roleArn: "gitlab-deployer" } } },
      ),
      path: "cluster.ackServerless.assumeRole.roleArn",
      fix: "acs:ram::123456789012:role/",
    },
    {
      name: "alicloud provider settings, which the stack's explicit provider never reads",
      values: { ...onAck({}), "alicloud:assumeRole": { roleArn: "acs:ram::1:role/x" } },
      path: "alicloud:assumeRole",
      fix: "cluster.ackServerless (region, assumeRole)",
    },
    {
      name: "an EIP bandwidth pay-by-traffic does not allow",
      values: onAck(
        {},
        {
          ...ACK,
          ackServerless: {
            ...ACK.ackServerless,
            network: { ...ACK.ackServerless.network, natBandwidth: 500 },
          },
        },
      ),
      path: "cluster.ackServerless.network.natBandwidth",
      fix: "1–200 Mbit/s",
    },
    {
      name: "a Kubernetes version ACK does not name that way",
      values: onAck({}, { ...ACK, ackServerless: { ...ACK.ackServerless, version: "1.36" } }),
      path: "cluster.ackServerless.version",
      fix: "1.36.1-aliyun.1",
    },
    {
      name: "half an existing network",
      values: onAck(
        {},
        {
          ...ACK,
          ackServerless: { ...ACK.ackServerless, network: { vpcCidr: "10.0.0.0/16", vpcId: "vpc-1" } },
        },
      ),
      path: "cluster.ackServerless.network",
      fix: "set both",
    },
    {
      name: "no zones to create a network in",
      values: onAck(
        {},
        { ...ACK, ackServerless: { ...ACK.ackServerless, network: { vpcCidr: "10.0.0.0/16" } } },
      ),
      path: "cluster.ackServerless.network.zones",
      fix: "list the zones",
    },
    {
      name: "a VPC CIDR with host bits",
      values: onAck(
        {},
        {
          ...ACK,
          ackServerless: {
            ...ACK.ackServerless,
            network: { vpcCidr: "10.0.3.0/16", zones: ["cn-hangzhou-i"] },
          },
        },
      ),
      path: "cluster.ackServerless.network.vpcCidr",
      fix: "10.20.0.0/16",
    },
    {
      name: "a host path",
      values: onAck({
        kubernetes: { volumes: { hostPath: [{ name: "x", mountPath: "/x", hostPath: "/x" }] } },
      }),
      path: "fleets[0].kubernetes.volumes.hostPath",
      fix: "nas cache",
    },
    {
      name: "the node's docker.sock",
      values: onAck({
        dangerous: { dockerSocket: true },
        kubernetes: {
          namespace: "ci-d",
          nodeSelector: { ci: "true" },
          nodeTolerations: { ci: "NoSchedule" },
        },
      }),
      path: "fleets[0].dangerous.dockerSocket",
      fix: "kaniko",
    },
    {
      name: "privileged docker-in-docker",
      values: onAck({
        dangerous: { dockerInDocker: true },
        kubernetes: {
          namespace: "ci-d",
          nodeSelector: { ci: "true" },
          nodeTolerations: { ci: "NoSchedule" },
        },
      }),
      path: "fleets[0].dangerous.dockerInDocker",
      fix: "kaniko",
    },
    {
      name: "a node selector no virtual node matches",
      values: onAck({ kubernetes: { nodeSelector: { "node-role/ci": "true" } } }),
      path: "fleets[0].kubernetes.nodeSelector",
      fix: "remove it",
    },
    {
      name: "a manager node selector no virtual node matches",
      values: onAck({ manager: { nodeSelector: { pool: "ci" } } }),
      path: "fleets[0].manager.nodeSelector",
      fix: "remove it",
    },
    {
      name: "a ReadWriteOnce cache shared by parallel jobs",
      values: onAck({ concurrent: 4, cache: { type: "pvc", accessMode: "ReadWriteOnce" } }),
      path: "fleets[0].cache.accessMode",
      fix: "cache type nas",
    },
    {
      name: "a NAS cache on an existing cluster",
      values: { ...validValues(), fleets: [{ name: "k8s", tags: ["k8s"], cache: { type: "nas" } }] },
      path: "fleets[0].cache.type",
      fix: "set cluster.type: ackServerless",
    },
    {
      name: "an OSS cache without a bucket",
      values: onAck({ cache: { type: "oss" } }),
      path: "cluster.ackServerless.oss",
      fix: "bucketName",
    },
    {
      name: "spot on an existing cluster",
      values: { ...validValues(), fleets: [{ name: "k8s", tags: ["k8s"], eci: { spot: true } }] },
      path: "fleets[0].eci.spot",
      fix: "remove it",
    },
    {
      name: "an unpinned image to cache",
      values: onAck(
        {},
        { ...ACK, ackServerless: { ...ACK.ackServerless, imageCache: { images: ["node:latest"] } } },
      ),
      path: "cluster.ackServerless.imageCache.images[0]",
      fix: "",
    },
  ];
  for (const c of cases) {
    it(`refuses ${c.name}, naming ${c.path} and the fix`, () => assertProblem(c.values, c.path, c.fix));
  }

  it("refuses a kubeconfig secret on an ACK Serverless stack, which would be ignored", () => {
    const problems = (() => {
      try {
        loadStackConfig(
          fakeReader({ ...onAck({}), kubeconfig: "apiVersion: v1" }, ["gitlabToken", "kubeconfig"]),
        );
      } catch (err) {
        return (err as ConfigValidationError).problems.map(formatProblem);
      }
      return [];
    })();
    assert.ok(
      problems.some((p) => p.startsWith(`${P}kubeconfig:`) && p.includes("pulumi config rm kubeconfig")),
    );
  });

  it("accepts the virtual nodes' own labels as a node selector", () => {
    assert.deepEqual(
      problemsOf(
        onAck({
          kubernetes: {
            nodeSelector: { type: "virtual-kubelet", "topology.kubernetes.io/zone": "cn-hangzhou-i" },
          },
        }),
      ),
      [],
    );
  });
});
