import { createHash } from "node:crypto";

/** A stable small number from a name, so ids and invoke results are the same on every run. */
export function stableNumber(seed: string, min = 1000, span = 90000): number {
  return min + (createHash("sha256").update(seed).digest().readUInt32BE(0) % span);
}

/** Deterministic resource ids, shaped like the real ones where the shape matters to the program. */
export function mockId(type: string, name: string): string {
  if (type === "gitlab:index/userRunner:UserRunner") return String(stableNumber(`runner:${name}`));
  return `${name}-id`;
}

/** Outputs the provider computes (not echoed inputs), as plausible deterministic values. */
export function computedOutputs(
  type: string,
  name: string,
  _inputs: Record<string, unknown>,
): Record<string, unknown> {
  return (GITLAB_OUTPUTS[type] ?? ALICLOUD_OUTPUTS[type])?.(name) ?? {};
}

/** What GitLab computes for the resources the program creates: tokens issued at creation, numeric ids. */
const GITLAB_OUTPUTS: Record<string, (name: string) => Record<string, unknown>> = {
  "gitlab:index/userRunner:UserRunner": (name) => ({ token: `glrt-synth-${stableNumber(`token:${name}`)}` }),
  "gitlab:index/clusterAgent:ClusterAgent": (name) => ({ agentId: stableNumber(`agent:${name}`) }),
  "gitlab:index/clusterAgentToken:ClusterAgentToken": (name) => ({
    token: `glagent-synth-${stableNumber(`agent-token:${name}`)}`,
    tokenId: stableNumber(`agent-token-id:${name}`),
    status: "active",
  }),
};

/** What Alibaba Cloud computes for the resources the ACK Serverless stack creates (ids are `<name>-id`). */
const ALICLOUD_OUTPUTS: Record<string, (name: string) => Record<string, unknown>> = {
  "alicloud:cs/serverlessKubernetes:ServerlessKubernetes": (name) => ({
    securityGroupId: `sg-synth${stableNumber(`sg:${name}`)}`,
  }),
  "alicloud:vpc/natGateway:NatGateway": (name) => ({
    snatTableIds: `stb-synth${stableNumber(`stb:${name}`)}`,
  }),
  "alicloud:ecs/eipAddress:EipAddress": (name) => ({ ipAddress: `203.0.113.${stableNumber(name, 1, 254)}` }),
  "alicloud:nas/mountTarget:MountTarget": (name) => ({
    mountTargetDomain: `synth${stableNumber(`nas:${name}`)}-abc12.cn-synth.nas.aliyuncs.com`,
  }),
  "alicloud:ram/accessKey:AccessKey": (name) => ({ secret: `synth-secret-${stableNumber(`ak:${name}`)}` }),
};

/** base64 of a placeholder PEM: a kubeconfig's CA field has the right shape and names no real CA. */
const SYNTH_CA = Buffer.from("-----BEGIN CERTIFICATE-----\nsynth\n-----END CERTIFICATE-----\n").toString(
  "base64",
);

/** A kubeconfig of the shape ACK returns, pointing nowhere (a TEST-NET address): synth never connects. */
function fakeKubeconfig(clusterId: string): string {
  return [
    "apiVersion: v1",
    "kind: Config",
    `clusters: [{name: ${clusterId}, cluster: {server: "https://192.0.2.10:6443", certificate-authority-data: ${SYNTH_CA}}}]`,
    `users: [{name: ${clusterId}-admin, user: {token: synth-placeholder}}]`,
    `contexts: [{name: ${clusterId}, context: {cluster: ${clusterId}, user: ${clusterId}-admin}}]`,
    `current-context: ${clusterId}`,
    "",
  ].join("\n");
}

/**
 * What an offline run answers for look-ups only the cloud can answer: as an account that offers what the stack
 * asks for. Only a real preview asks Alibaba Cloud.
 */
export interface OfflineAnswers {
  /** Zones offering an Enhanced NAT gateway. */
  enhancedNatZones: readonly string[];
}

/** The offline answers a stack's configuration implies: its own zones offer what it needs. */
export function offlineAnswersOf(config: Record<string, string>): OfflineAnswers {
  const cluster = config["gitlab-ci-platform:cluster"];
  const zones = (cluster && (JSON.parse(cluster) as ClusterSettings).ackServerless?.network?.zones) || [];
  return { enhancedNatZones: zones };
}

interface ClusterSettings {
  ackServerless?: { network?: { zones?: string[] } };
}

type Invoke = (inputs: Record<string, unknown>, answers: OfflineAnswers) => Record<string, unknown>;

/** Offline answers of the provider functions the program calls, by function token. */
const INVOKE_RESULTS: Readonly<Record<string, Invoke>> = {
  "gitlab:index/getGroup:getGroup": (inputs) => {
    const fullPath = String(inputs.fullPath ?? `group-${String(inputs.groupId)}`);
    const groupId = typeof inputs.groupId === "number" ? inputs.groupId : stableNumber(`group:${fullPath}`);
    return {
      id: String(groupId),
      groupId,
      fullPath,
      name: fullPath.split("/").pop(),
      webUrl: `https://gitlab.invalid/${fullPath}`,
    };
  },
  "gitlab:index/getProject:getProject": (inputs) => {
    const path = String(inputs.pathWithNamespace ?? `project-${String(inputs.id)}`);
    const id = inputs.id !== undefined ? String(inputs.id) : String(stableNumber(`project:${path}`));
    const namespace = path.slice(0, Math.max(path.lastIndexOf("/"), 0));
    return {
      id,
      pathWithNamespace: path,
      name: path.split("/").pop(),
      webUrl: `https://gitlab.invalid/${path}`,
      defaultBranch: "main",
      // A project of a group (synth cannot tell a user's namespace from a group's offline).
      namespaces: [{ id: stableNumber(`group:${namespace}`), fullPath: namespace, kind: "group" }],
    };
  },
  "alicloud:cs/getClusterCredential:getClusterCredential": (inputs) => {
    const clusterId = String(inputs.clusterId);
    return {
      id: clusterId,
      clusterId,
      clusterName: clusterId,
      kubeConfig: fakeKubeconfig(clusterId),
      certificateAuthority: { clusterCert: "synth", clientCert: "synth", clientKey: "synth" },
      expiration: "2099-01-01T00:00:00Z",
    };
  },
  "alicloud:vpc/getEnhancedNatAvailableZones:getEnhancedNatAvailableZones": (_inputs, answers) => ({
    id: "enhanced-nat-zones",
    ids: [...answers.enhancedNatZones],
    zones: answers.enhancedNatZones.map((zoneId) => ({ zoneId, localName: zoneId })),
  }),
  "alicloud:vpc/getSwitches:getSwitches": (inputs) => {
    // An existing vSwitch: its zone is the account's to tell; offline it is named after the vSwitch.
    const ids = (inputs.ids as string[] | undefined) ?? [];
    return {
      id: ids.join(","),
      ids,
      vswitches: ids.map((id) => ({ id, vswitchId: id, zoneId: `zone-of-${id}` })),
    };
  },
};

/** Results of the provider functions the program calls. */
export function invokeResult(
  token: string,
  inputs: Record<string, unknown>,
  answers: OfflineAnswers,
): Record<string, unknown> {
  const answer = INVOKE_RESULTS[token];
  if (!answer) throw new Error(`synth has no offline answer for the provider function ${token}`);
  return answer(inputs, answers);
}
