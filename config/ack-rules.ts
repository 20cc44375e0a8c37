import { vpcCidrProblem } from "../model/ack";
import { cacheBackend } from "../model/fleet/cache";
import type { Problem } from "../model/problems";
import { PROJECT, PlainConfig, SecretKey } from "./schema";

const ACK = `${PROJECT}:cluster.ackServerless`;
const fleetPath = (i: number, rest: string) => `${PROJECT}:fleets[${i}].${rest}`;

/** Node labels ECI virtual nodes carry: a selector on anything else matches no node, and jobs never start. */
const VIRTUAL_NODE_LABELS: Record<string, string | undefined> = {
  type: "virtual-kubelet",
  "topology.kubernetes.io/zone": undefined,
};

/** The cluster type and its settings agree; the network is either created or named by id, not half of each. */
export function ackClusterProblems(config: PlainConfig): Problem[] {
  const { cluster } = config;
  if (cluster.type === "existing") {
    return cluster.ackServerless
      ? [
          {
            path: ACK,
            reason: "is set, but cluster.type is existing",
            fix: "set cluster.type: ackServerless, or remove it",
          },
        ]
      : [];
  }
  const problems: Problem[] = [];
  if (cluster.context !== undefined) {
    problems.push({
      path: `${PROJECT}:cluster.context`,
      reason:
        "names a kubeconfig context, but the stack builds the ACK Serverless cluster's kubeconfig itself",
      fix: "remove it",
    });
  }
  const ack = cluster.ackServerless;
  if (!ack) {
    return [
      ...problems,
      {
        path: ACK,
        reason: "is required when cluster.type is ackServerless",
        fix: "set region and network (see docs/ack-serverless.md)",
      },
    ];
  }
  const net = ack.network;
  const existing = net.vpcId !== undefined || net.vswitchIds !== undefined;
  if (existing && (net.vpcId === undefined || net.vswitchIds === undefined)) {
    problems.push({
      path: `${ACK}.network`,
      reason: "names only one of vpcId and vswitchIds",
      fix: "set both to use an existing network, or neither (with zones) to create one",
    });
  } else if (existing && net.zones) {
    problems.push({
      path: `${ACK}.network.zones`,
      reason: "is set beside vpcId and vswitchIds",
      fix: "remove zones (the vSwitches decide them), or the ids to create a network",
    });
  } else if (!existing && !net.zones) {
    problems.push({
      path: `${ACK}.network.zones`,
      reason: "is required to create the network",
      fix: "list the zones for vSwitches (e.g. [cn-hangzhou-i, cn-hangzhou-j]), or set vpcId and vswitchIds",
    });
  }
  const cidrProblem = vpcCidrProblem(net.vpcCidr, net.zones?.length ?? 1);
  if (cidrProblem)
    problems.push({
      path: `${ACK}.network.vpcCidr`,
      reason: cidrProblem,
      fix: "use a block such as 10.20.0.0/16",
    });
  return problems;
}

/** Caches and ECI options that exist only on ACK Serverless, and the OSS settings a fleet's oss cache needs. */
export function ackOnlyFleetProblems(config: PlainConfig): Problem[] {
  const ack = config.cluster.type === "ackServerless";
  return config.fleets.flatMap((fleet, i) => {
    const problems: Problem[] = [];
    const { type } = fleet.cache;
    const store = cacheBackend(fleet.cache).stackStore;
    if (store && !ack) {
      problems.push({
        path: fleetPath(i, "cache.type"),
        reason: `${type} is the cache of an ACK Serverless stack`,
        fix: "set cluster.type: ackServerless, or use cache type pvc or s3 on this cluster",
      });
    }
    if (store === "oss" && ack && !config.cluster.ackServerless?.oss) {
      problems.push({
        path: `${ACK}.oss`,
        reason: `is required because fleets[${i}] caches in OSS`,
        fix: "set oss.bucketName (a globally unique bucket name)",
      });
    }
    if (fleet.eci.spot && !ack) {
      problems.push({
        path: fleetPath(i, "eci.spot"),
        reason: "applies only to ECI pods",
        fix: "remove it, or set cluster.type: ackServerless",
      });
    }
    return problems;
  });
}

/**
 * What cannot work on virtual nodes: there is no node to share (host paths, docker.sock, privileged containers),
 * no node label but the virtual nodes' own, and a ReadWriteOnce claim attaches to one pod at a time.
 */
export function virtualNodeProblems(config: PlainConfig): Problem[] {
  if (config.cluster.type !== "ackServerless") return [];
  return config.fleets.flatMap((fleet, i) => {
    const at = (key: string) => fleetPath(i, key);
    const problems: Problem[] = [];
    const refuse = (path: string, reason: string, fix: string) =>
      problems.push({ path: at(path), reason, fix });
    const k = fleet.kubernetes;
    if (k.volumes?.hostPath?.length) {
      refuse(
        "kubernetes.volumes.hostPath",
        "ECI pods have no host to mount a path from",
        "use the nas cache, an emptyDir or a pvc volume",
      );
    }
    if (fleet.dangerous.dockerSocket) {
      refuse(
        "dangerous.dockerSocket",
        "ECI pods have no node docker.sock",
        "build images with kaniko (kaniko: true)",
      );
    }
    if (fleet.dangerous.dockerInDocker) {
      refuse(
        "dangerous.dockerInDocker",
        "ECI runs no privileged containers",
        "build images with kaniko (kaniko: true)",
      );
    }
    for (const [key, selector] of [
      ["kubernetes.nodeSelector", k.nodeSelector],
      ["manager.nodeSelector", fleet.manager.nodeSelector],
    ] as const) {
      const foreign = Object.entries(selector ?? {}).filter(
        ([label, value]) =>
          !(label in VIRTUAL_NODE_LABELS) || (VIRTUAL_NODE_LABELS[label] ?? value) !== value,
      );
      if (foreign.length) {
        refuse(
          key,
          `selects ${foreign.map(([l, v]) => `${l}=${v}`).join(", ")}, which no virtual node carries`,
          "remove it (ECI sizes each pod from its requests), or select topology.kubernetes.io/zone",
        );
      }
    }
    if (k.affinity?.nodeAffinity) {
      refuse("kubernetes.affinity.nodeAffinity", "virtual nodes carry no labels to match", "remove it");
    }
    const parallel = fleet.concurrent > 1 || fleet.replicas > 1;
    if (fleet.cache.type === "pvc" && fleet.cache.accessMode === "ReadWriteOnce" && parallel) {
      refuse(
        "cache.accessMode",
        "a ReadWriteOnce claim attaches to one ECI pod, but this fleet runs jobs in parallel",
        "use cache type nas (ReadWriteMany) or oss",
      );
    }
    return problems;
  });
}

/** A kubeconfig secret on an ACK Serverless stack would be silently ignored: the stack builds its own. */
export function unusedSecretProblems(config: PlainConfig, present: ReadonlySet<SecretKey>): Problem[] {
  if (config.cluster.type !== "ackServerless" || !present.has("kubeconfig")) return [];
  return [
    {
      path: `${PROJECT}:kubeconfig`,
      reason: "is not used: the stack reaches its ACK Serverless cluster with the kubeconfig ACK issues",
      fix: "run: pulumi config rm kubeconfig",
    },
  ];
}
