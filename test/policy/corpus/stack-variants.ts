import { Variant, fleet, key, projectDeployRunner, resource, toml } from "./variant";

type Table = Record<string, unknown>;

/** The prod stack file's `cluster.ackServerless`. */
const ack = (c: Table) => key<Table>(c, "cluster", {}).ackServerless as Table;

/** Variants of the stacks as a whole: the GitLab side, the registry, monitoring, and Pulumi.prod.yaml on ACK. */
export const STACK_VARIANTS: Variant[] = [
  {
    name: "dev-private-ca",
    from: "dev",
    what: "a GitLab served with a private CA",
    change: (c) => {
      const cluster = key<Table>(c, "cluster", {});
      key<Table>(c, "gitlab", {}).caCert = (cluster.apiServer as Table).caCert;
    },
    shows: toml(/tls-ca-file = /),
  },
  {
    name: "dev-no-registry",
    from: "dev",
    what: "no registry credential, so no kaniko fleet",
    change: (c) => {
      delete c["gitlab-ci-platform:registry"];
      const list = key<Table[]>(c, "fleets", []);
      list.splice(
        list.findIndex((f) => f.name === "kaniko"),
        1,
      );
    },
    shows: (r) => !r.resources.some((x) => JSON.stringify(x.inputs).includes("dockerconfigjson")),
  },
  {
    name: "dev-plain-variables",
    from: "dev",
    what: "plain variables beside the secret one, and the registry's for the project only",
    change: (c) => {
      key<Table[]>(c, "variables", []).push({
        project: "platform/shop",
        key: "MAVEN_OPTS",
        value: "-Xmx1g",
        masked: false,
      });
      (key<Table>(c, "registry", {}) as Table).variables = [{ project: "platform/shop" }];
    },
    shows: resource("gitlab:index/projectVariable:ProjectVariable", /MAVEN_OPTS/),
  },
  {
    name: "dev-monitoring",
    from: "dev",
    what: "a ServiceMonitor per manager",
    change: (c) => (key<Table>(c, "monitoring", {}).prometheusOperator = true),
    shows: resource("kubernetes:monitoring.coreos.com/v1:ServiceMonitor"),
  },
  {
    name: "prod-eci-spot",
    from: "prod",
    what: "general jobs on spot ECI instances",
    change: (c) => (fleet(c, "k8s").eci = { spot: true }),
    shows: toml(/k8s\.aliyun\.com\/eci-spot-strategy/),
  },
  {
    name: "prod-nas-for-both",
    from: "prod",
    what: "the general and kaniko fleets both on the NAS, each in its own directory",
    change: (c) => (fleet(c, "k8s").cache = { type: "nas" }),
    shows: (r) => r.resources.filter((x) => x.type === "kubernetes:core/v1:PersistentVolume").length === 2,
  },
  {
    name: "prod-no-image-cache",
    from: "prod",
    what: "no ECI image cache",
    change: (c) => (ack(c).imageCache = { enabled: false }),
    shows: (r) => !r.resources.some((x) => x.type.startsWith("alicloud:eci/imageCache")),
  },
  {
    name: "prod-existing-network",
    from: "prod",
    what: "the cluster in an existing VPC",
    change: (c) => {
      ack(c).network = {
        vpcCidr: "10.20.0.0/16",
        vpcId: "vpc-bp1existing",
        vswitchIds: ["vsw-bp1zonei", "vsw-bp1zonej"],
      };
    },
    shows: resource("alicloud:cs/serverlessKubernetes:ServerlessKubernetes", /vpc-bp1existing/),
  },
  {
    name: "prod-oss-per-runner",
    from: "prod",
    what: "an OSS cache kept per runner under a path",
    change: (c) => (fleet(c, "k8s").cache = { type: "oss", path: "runners", shared: false }),
    shows: toml(/Path = "runners"/),
  },
  projectDeployRunner("prod"),
  {
    name: "prod-staging-environment",
    from: "prod",
    what: "a second environment of the application",
    change: (c) => {
      const apps = key<Table[]>(c, "applications", []);
      (apps[0].environments as Table[]).push({ name: "staging", namespace: "shop-staging" });
    },
    shows: resource("kubernetes:core/v1:Namespace", /shop-staging/),
  },
  {
    name: "prod-monitoring",
    from: "prod",
    what: "a ServiceMonitor per manager",
    change: (c) => (key<Table>(c, "monitoring", {}).prometheusOperator = true),
    shows: resource("kubernetes:monitoring.coreos.com/v1:ServiceMonitor"),
  },
  {
    name: "prod-more-replicas",
    from: "prod",
    what: "three kaniko managers spread over zones",
    change: (c) =>
      Object.assign(fleet(c, "kaniko"), {
        replicas: 3,
        manager: {
          topologySpreadConstraints: [
            { maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway" },
          ],
        },
      }),
    shows: resource("kubernetes:apps/v1:StatefulSet", /"replicas":3/),
  },
];
